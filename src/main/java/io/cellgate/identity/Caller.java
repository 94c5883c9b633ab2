package io.cellgate.identity;

import io.cellgate.common.ProblemException;
import io.cellgate.common.ProblemType;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the subject and tenant taken from the verified access token. */
@RequestScoped
public class Caller {
    public static final String TENANT_CLAIM = "tenant";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /** The caller's tenant; a token without one cannot use tenant endpoints. */
    public String tenantId() {
        Object tenant = token.getClaim(TENANT_CLAIM);
        if (tenant == null || tenant.toString().isBlank()) {
            throw new ProblemException(ProblemType.NO_TENANT, "The access token carries no tenant claim");
        }
        return tenant.toString();
    }

    /** A readable, stable name for history and audit: the username, else the client id, else the subject. */
    public String subject() {
        String username = token.getClaim("preferred_username");
        if (username != null) {
            return username;
        }
        String clientId = token.getClaim("azp");
        return clientId != null ? clientId : token.getSubject();
    }

    /** Whether the token proves a second factor: Keycloak lists {@code otp} in {@code amr} after a TOTP step. */
    public boolean hasMfa() {
        return amrHasOtp(token);
    }

    public static boolean amrHasOtp(JsonWebToken token) {
        Object amr = token.getClaim("amr");
        if (amr instanceof java.util.Collection<?> methods) {
            return methods.stream().anyMatch(m -> "otp".equals(String.valueOf(m).replace("\"", "")));
        }
        return amr instanceof jakarta.json.JsonArray array
                && array.stream().anyMatch(m -> "otp".equals(m.toString().replace("\"", "")));
    }

    public void requireMfa(String what) {
        if (!hasMfa()) {
            throw new ProblemException(ProblemType.MFA_REQUIRED, what + " needs a login with a second factor (TOTP);"
                    + " service accounts cannot do it");
        }
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
