package io.cellgate.tenant;

import io.cellgate.common.id.TenantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreateTenantRequest(
        @NotNull @Schema(description = "Immutable slug; it is the tenant claim in access tokens") TenantId id,
        @NotBlank @Size(max = 200) @Schema(example = "ACME Logistics") String name,
        @Valid TenantQuotas quotas,
        @Min(1) @Max(28) @Schema(description = UpdateTenantRequest.BILLING_DAY, example = "1", minimum = "1",
                maximum = "28") Integer billingDay,
        @Size(max = 10) @Schema(description = TenantView.SMS_ADDRESSES)
        List<@NotNull @Size(min = 1, max = 16) @Pattern(regexp = SmsAddresses.PATTERN, message = SmsAddresses.RULE)
                String> smsAddresses,
        @Valid @Schema(description = "The tenant's first admin, created in the identity provider with a one-time"
                + " password and TOTP required at first login, so the tenant is usable at once") FirstAdmin firstAdmin) {

    public record FirstAdmin(
            @NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{2,63}$", message = "3-64 lowercase letters, digits, '.', '_' or '-'")
            @Size(max = 64) @Schema(example = "initech-admin") String username,
            @NotBlank @Email @Size(max = 254) @Schema(example = "it@initech.example") String email,
            @Size(max = 100) String firstName,
            @Size(max = 100) String lastName) {
    }
}
