package io.cellgate.tenant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Limits carrier ops set per tenant. */
@Schema(description = "Tenant quotas. max_sims is enforced when SIMs are assigned (null: no limit); the API rate"
        + " (requests per second, burst) on every tenant call, across all replicas (new tenants get the defaults)."
        + " sms_per_second paces the tenant's SMS (parts per second) across all replicas: what the API queues (up to a"
        + " minute of it ahead) and what is submitted to the SMSC (null: the service's default).")
public record TenantQuotas(
        @PositiveOrZero @Max(100_000_000) @Schema(example = "10000") Integer maxSims,
        @Positive @Max(100_000) @Schema(example = "100") Integer apiRequestsPerSecond,
        @Positive @Max(1_000_000) @Schema(example = "200") Integer apiBurst,
        @Positive @Max(10_000) @Schema(example = "20") Integer smsPerSecond) {

    static final TenantQuotas NONE = new TenantQuotas(null, null, null, null);
}
