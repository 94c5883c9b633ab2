package io.cellgate.identity;

import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * The identity provider's admin API as the tenant-scoped features need it: one realm, failures translated into
 * problems (its 404 and 409 become ours; anything else means it is unavailable).
 */
@ApplicationScoped
public class IdentityDirectory {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @Inject
    Keycloak keycloak;
    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
    String realmName;

    RealmResource realm() {
        return keycloak.realm(realmName);
    }

    List<RoleRepresentation> realmRoles(List<TenantRole> roles) {
        return roles.stream().distinct().map(role -> realm().roles().get(role.realmRole()).toRepresentation()).toList();
    }

    /** Runs a call of the admin API and translates its failures. */
    <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (ProcessingException | WebApplicationException e) {
            int status = statusOf(e);
            if (status == Response.Status.NOT_FOUND.getStatusCode()) {
                throw ProblemException.notFound(what);
            }
            if (status == Response.Status.CONFLICT.getStatusCode()) {
                throw new ProblemException(ProblemType.CONFLICT, what + " already exists");
            }
            if (status == Response.Status.BAD_REQUEST.getStatusCode()) {
                throw new ProblemException(ProblemType.VALIDATION_FAILED, "The identity provider refused " + what
                        + ": a value is not one it accepts");
            }
            throw new IdentityProviderUnavailable(e);
        }
    }

    /** The HTTP status the admin API answered, wherever the client wrapped it; 0 when it did not answer. */
    private static int statusOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof WebApplicationException web && web.getResponse() != null) {
                return web.getResponse().getStatus();
            }
        }
        return 0;
    }

    static void expectSuccess(Response response) {
        try (response) {
            if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                throw new WebApplicationException(response.getStatus());
            }
        }
    }

    /** A random secret for one-time passwords: 20 characters without look-alikes. */
    static String randomSecret() {
        StringBuilder secret = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }
}
