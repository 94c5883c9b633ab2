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
        @Valid TenantQuotas quotas,
        @Valid @Schema(description = "The tenant's first admin, created in the identity provider with a one-time"
                + " password and TOTP required at first login, so the tenant is usable at once") FirstAdmin firstAdmin) {

    public record FirstAdmin(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}", message = "3-64 lowercase letters, digits, '.', '_' or '-'")
            @Schema(example = "initech-admin") String username,
            @NotBlank @jakarta.validation.constraints.Email @Schema(example = "it@initech.example") String email,
            @Size(max = 100) String firstName,
            @Size(max = 100) String lastName) {
    }
}
