package io.cellgate.identity;

import io.cellgate.common.Actor;
import io.cellgate.common.Origin;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.web.RequestOrigin;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The actor of the HTTP request being served, made from its verified access token: resources take it from here and
 * pass it to services as a value. The token's roles make the kind (carrier ops, or a tenant's person or service
 * account), its {@code tenant} claim the tenant, its {@code amr} whether a second factor was proved.
 */
@RequestScoped
public class Caller {
    public static final String TENANT_CLAIM = "tenant";
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    @Inject
    SecurityIdentity identity;
    @Inject
    RequestOrigin origin;
    @Inject
    CurrentIdentityAssociation identities;

    private Actor actor;

    public Actor actor() {
        if (actor == null) {
            actor = actorOf(identity, origin.get());
        }
        return actor;
    }

    /**
     * The actor of this request as far as it proved who it is, for its audit record: also when the request was
     * refused, and anonymous when its token was missing or did not verify.
     */
    public Uni<Actor> actorAsFarAsProved() {
        Origin current = origin.get();
        return identities.getDeferredIdentity().onFailure().recoverWithNull()
                .map(proved -> proved == null ? Actor.anonymous(current) : actorOf(proved, current));
    }

    /** The actor a verified identity stands for, in the request of {@code origin}. */
    public static Actor actorOf(SecurityIdentity identity, Origin origin) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Actor.anonymous(origin);
        }
        List<String> roles = List.copyOf(identity.getRoles());
        Object tenantClaim = token.getClaim(TENANT_CLAIM);
        TenantId tenant = tenantClaim == null || TenantId.error(tenantClaim.toString()) != null ? null
                : TenantId.parse(tenantClaim.toString());
        String username = token.getClaim("preferred_username");
        Actor.Kind kind = roles.contains(Roles.CARRIER_OPS) ? Actor.Kind.CARRIER_OPS
                : username != null && username.startsWith(SERVICE_ACCOUNT_PREFIX) ? Actor.Kind.SERVICE_ACCOUNT
                : Actor.Kind.TENANT_USER;
        return new Actor(kind, subject(token, username), kind == Actor.Kind.CARRIER_OPS ? null : tenant, roles,
                amrHasOtp(token), origin);
    }

    /** A readable, stable name for history and audit: the username, else the client id, else the subject. */
    private static String subject(JsonWebToken token, String username) {
        if (username != null) {
            return username;
        }
        String clientId = token.getClaim("azp");
        return clientId != null ? clientId : token.getSubject();
    }

    /** Whether the token proves a second factor: Keycloak lists {@code otp} in {@code amr} after a TOTP step. */
    static boolean amrHasOtp(JsonWebToken token) {
        Object amr = token.getClaim("amr");
        if (amr instanceof Collection<?> methods) {
            return methods.stream().anyMatch(m -> "otp".equals(String.valueOf(m).replace("\"", "")));
        }
        return amr instanceof jakarta.json.JsonArray array
                && array.stream().anyMatch(m -> "otp".equals(m.toString().replace("\"", "")));
    }
}
