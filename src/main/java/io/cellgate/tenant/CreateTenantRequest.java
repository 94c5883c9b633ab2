package io.cellgate.tenant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreateTenantRequest(
        @NotNull @Pattern(regexp = TenantIds.PATTERN, message = "must match " + TenantIds.PATTERN)
        @Schema(description = "Immutable slug; it is the tenant claim in access tokens", example = "acme") String id,
        @NotBlank @Size(max = 200) @Schema(example = "ACME Logistics") String name,
        @Valid TenantQuotas quotas) {
}
