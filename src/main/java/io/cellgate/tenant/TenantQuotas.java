package io.cellgate.tenant;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Limits carrier ops set per tenant. */
@Schema(description = "Tenant quotas. max_sims is enforced when SIMs are assigned (null: no limit); the API rate"
        + " (requests per second, burst) on every tenant call, across all replicas (new tenants get the defaults)."
        + " sms_per_second is stored for the SMS gateway.")
public record TenantQuotas(
        @PositiveOrZero @Schema(example = "10000") Integer maxSims,
        @Positive @Schema(example = "100") Integer apiRequestsPerSecond,
        @Positive @Schema(example = "200") Integer apiBurst,
        @Positive @Schema(example = "20") Integer smsPerSecond) {
}
