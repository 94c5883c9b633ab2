package io.cellgate.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TenantUser", description = "A person of the tenant, as known to the identity provider")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantUserView(
        @Schema(example = "4c6b2f0e-8d1f-4e61-9a3b-2f9d1c7e5a10") String id,
        @Schema(example = "jane.ops") String username,
        @Schema(example = "jane@acme.example") String email,
        @Schema(example = "Jane") String firstName,
        @Schema(example = "Doe") String lastName,
        boolean enabled,
        List<TenantRole> roles,
        @Schema(description = "The user has set up TOTP; until then, MFA-only calls are refused") boolean mfaConfigured,
        @Schema(description = "Steps the user must take at the next login", example = "[\"CONFIGURE_TOTP\"]")
        List<String> requiredActions,
        @Schema(description = "Only in the answer to the invitation: a one-time password the user must change at the"
                + " first login") String temporaryPassword) {

    TenantUserView withTemporaryPassword(String password) {
        return new TenantUserView(id, username, email, firstName, lastName, enabled, roles, mfaConfigured,
                requiredActions, password);
    }
}
