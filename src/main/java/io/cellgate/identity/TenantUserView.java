package io.cellgate.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TenantUser", description = "A person of the tenant, as known to the identity provider")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantUserView(
        @Schema(example = "4c6b2f0e-8d1f-4e61-9a3b-2f9d1c7e5a10", format = "uuid", maxLength = 36) String id,
        @Schema(example = "jane.ops", maxLength = 64, pattern = InviteUserRequest.USERNAME) String username,
        @Schema(example = "jane@acme.example", format = "email", maxLength = 254) String email,
        @Schema(example = "Jane", maxLength = 255) String firstName,
        @Schema(example = "Doe", maxLength = 255) String lastName,
        boolean enabled,
        @Schema(maxItems = 3) List<TenantRole> roles,
        @Schema(description = "The user has set up TOTP; until then, MFA-only calls are refused") boolean mfaConfigured,
        @Schema(description = "Steps the user must take at the next login", example = "[\"CONFIGURE_TOTP\"]",
                maxItems = 20, type = SchemaType.ARRAY, implementation = RequiredAction.class) List<String> requiredActions,
        @Schema(description = "Only in the answer to the invitation: a one-time password the user must change at the"
                + " first login", maxLength = 64) String temporaryPassword) {

    TenantUserView withTemporaryPassword(String password) {
        return new TenantUserView(id, username, email, firstName, lastName, enabled, roles, mfaConfigured,
                requiredActions, password);
    }

    @Schema(name = "RequiredAction", type = SchemaType.STRING, maxLength = 64, pattern = "^[A-Za-z_]+$",
            example = "CONFIGURE_TOTP", description = "A step the identity provider requires at the next login")
    interface RequiredAction {
    }
}
