package io.cellgate.identity;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jose4j.jwt.JwtClaims;

/**
 * Exists only in builds with the "bench" build profile (bench/trust-overhead.sh), never in the service's own build:
 * takes the caller from the X-Bench-Tenant, X-Bench-Subject and X-Bench-Roles headers without any token, so that a
 * benchmark can measure a call with no authentication cost to compare with a real, verified token.
 */
@IfBuildProfile("bench")
@ApplicationScoped
public class BenchmarkIdentity implements HttpAuthenticationMechanism {
    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String tenant = context.request().getHeader("X-Bench-Tenant");
        if (tenant == null) {
            return Uni.createFrom().nullItem();
        }
        String subject = context.request().getHeader("X-Bench-Subject");
        List<String> roles = List.of(context.request().getHeader("X-Bench-Roles").split(","));
        JwtClaims claims = new JwtClaims();
        claims.setSubject(subject);
        claims.setClaim("preferred_username", subject);
        claims.setClaim(Caller.TENANT_CLAIM, tenant);
        claims.setClaim("amr", List.of("pwd", "otp"));
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new OidcJwtCallerPrincipal(claims, new AccessTokenCredential("bench")))
                .addRoles(new java.util.HashSet<>(roles)).build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1;
    }
}
