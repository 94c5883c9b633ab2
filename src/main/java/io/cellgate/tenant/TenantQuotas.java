package io.cellgate.tenant;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Limits carrier ops set per tenant. Null means "no limit set". Only max_sims is enforced so far. */
@Schema(description = "Tenant quotas; null means not set. max_sims is enforced when SIMs are assigned.")
public record TenantQuotas(
        @PositiveOrZero @Schema(example = "10000") Integer maxSims,
        @Positive @Schema(example = "100") Integer apiRequestsPerSecond,
        @Positive @Schema(example = "200") Integer apiBurst,
        @Positive @Schema(example = "20") Integer smsPerSecond) {
}
