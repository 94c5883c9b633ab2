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

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
