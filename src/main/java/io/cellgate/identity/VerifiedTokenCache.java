package io.cellgate.identity;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Access tokens the OIDC provider has verified, kept until they expire: a client that sends the same token again is not
 * verified again. Verification (JSON parsing, signature) was about a fifth of the service's CPU per call
 * (docs/benchmarks.md). It accepts nothing the provider would not: the very same token string, never past its expiry.
 * Tokens are verified locally in any case, so a token revoked at the identity provider stayed valid until it expired
 * before this cache too. Failed verifications are not kept. When full, expired entries are dropped and, if that is not
 * enough, new tokens are verified every time until space frees up.
 */
@Singleton
public class VerifiedTokenCache implements IdentityProvider<TokenAuthenticationRequest> {
    private final IdentityProvider<TokenAuthenticationRequest> verifier;
    private final int capacity;
    private final LongSupplier clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(SecurityIdentity identity, long expiresAtMillis) {
    }

    @Inject
    VerifiedTokenCache(OidcIdentityProvider oidc,
                       @ConfigProperty(name = "cellgate.verified-token-cache-size", defaultValue = "10000") int capacity) {
        this(oidc, capacity, System::currentTimeMillis);
    }

    VerifiedTokenCache(IdentityProvider<TokenAuthenticationRequest> verifier, int capacity, LongSupplier clock) {
        this.verifier = verifier;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Ahead of the OIDC provider, which it wraps. */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 2;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential) || capacity <= 0) {
            return Uni.createFrom().nullItem(); // the OIDC provider's own turn
        }
        String token = request.getToken().getToken();
        Verified known = verified.get(token);
        if (known != null) {
            if (known.expiresAtMillis() > clock.getAsLong()) {
                return Uni.createFrom().item(forThisRequest(known.identity(), request));
            }
            verified.remove(token, known);
        }
        return verifier.authenticate(request, context).invoke(identity -> remember(token, identity));
    }

    int size() {
        return verified.size();
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        long now = clock.getAsLong();
        if (verified.size() >= capacity) {
            verified.values().removeIf(entry -> entry.expiresAtMillis() <= now);
        }
        if (verified.size() < capacity) {
            verified.put(token, new Verified(identity, jwt.getExpirationTime() * 1000));
        }
    }

    /** The kept identity still names the HTTP request it was first verified in; it must name this one. */
    private static SecurityIdentity forThisRequest(SecurityIdentity identity, TokenAuthenticationRequest request) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        return QuarkusSecurityIdentity.builder(identity).addAttribute(RoutingContext.class.getName(), routing).build();
    }
}
