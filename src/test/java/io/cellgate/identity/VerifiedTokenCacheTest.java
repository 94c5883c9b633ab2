package io.cellgate.identity;

import static io.cellgate.support.Api.GLOBEX_ADMIN;
import static io.cellgate.support.Api.ensureTenant;
import static io.cellgate.support.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.support.TestSims;
import io.cellgate.support.Tokens;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VerifiedTokenCacheTest {
    private static final long EXPIRES_AT_SECONDS = 2_000_000_000L;

    @Inject
    VerifiedTokenCache cache;

    // --- Over HTTP, with real tokens from the identity provider ---

    @Test
    void aTokenSeenBeforeStillActsOnlyForItsOwnTenant() {
        ensureTenant("acme");
        ensureTenant("globex");
        String acmeSim = "/api/v1/sims/" + TestSims.assignedTo("acme", 1).first();
        String acme = Tokens.of("acme-admin");
        for (int round = 0; round < 2; round++) {
            withToken(acme).get(acmeSim).then().statusCode(200);
            problem(withToken(Tokens.of(GLOBEX_ADMIN)).get(acmeSim).then(), 404, "not-found");
        }
        assertTrue(cache.size() >= 2, "both tokens are kept once verified");
    }

    @Test
    void aForgedVariantOfAKeptTokenIsRefused() {
        ensureTenant("acme");
        String acmeSim = "/api/v1/sims/" + TestSims.assignedTo("acme", 1).first();
        String genuine = Tokens.of("globex-admin");
        withToken(genuine).get("/api/v1/sims?limit=1").then().statusCode(200);

        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"tenant\":\"globex\"", "\"tenant\":\"acme\"");
        assertTrue(payload.contains("\"tenant\":\"acme\""), "the forgery changes the tenant claim");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        withToken(forged).get(acmeSim).then().statusCode(401);

        char last = parts[2].charAt(parts[2].length() - 2);
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        withToken(badSignature).get("/api/v1/sims?limit=1").then().statusCode(401);
        withToken(genuine).get("/api/v1/sims?limit=1").then().statusCode(200).body("items.size()", equalTo(1));
    }

    private static RequestSpecification withToken(String token) {
        return given().port(ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class))
                .auth().oauth2(token);
    }

    // --- The cache's own rules, against a counting verifier and a settable clock ---

    /**
     * Verifies like the OIDC provider would: fails for "forged" tokens and for expired ones. Tokens expire at
     * EXPIRES_AT_SECONDS, "short" ones 30 s earlier.
     */
    private static final class CountingVerifier implements IdentityProvider<TokenAuthenticationRequest> {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicLong nowMillis;

        CountingVerifier(AtomicLong nowMillis) {
            this.nowMillis = nowMillis;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            calls.incrementAndGet();
            String token = request.getToken().getToken();
            long expiresAt = token.startsWith("short") ? EXPIRES_AT_SECONDS - 30 : EXPIRES_AT_SECONDS;
            if (token.startsWith("forged") || nowMillis.get() >= expiresAt * 1000) {
                return Uni.createFrom().failure(new AuthenticationFailedException());
            }
            JwtClaims claims = new JwtClaims();
            claims.setSubject(token);
            claims.setExpirationTime(NumericDate.fromSeconds(expiresAt));
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new DefaultJWTCallerPrincipal(claims)).addRole("tenant-admin").build());
        }
    }

    private static SecurityIdentity authenticate(VerifiedTokenCache cache, String token) {
        return cache.authenticate(new TokenAuthenticationRequest(new AccessTokenCredential(token)), null)
                .await().indefinitely();
    }

    @Test
    void aTokenIsVerifiedOnceUntilItExpiresAndThenAgain() {
        AtomicLong now = new AtomicLong(EXPIRES_AT_SECONDS * 1000 - 60_000);
        CountingVerifier verifier = new CountingVerifier(now);
        VerifiedTokenCache local = new VerifiedTokenCache(verifier, 10, now::get);

        SecurityIdentity first = authenticate(local, "token-a");
        SecurityIdentity second = authenticate(local, "token-a");
        assertEquals(1, verifier.calls.get());
        assertSame(first.getPrincipal(), second.getPrincipal());
        assertEquals(first.getRoles(), second.getRoles());

        authenticate(local, "token-b");
        assertEquals(2, verifier.calls.get(), "another token is verified on its own");

        now.set(EXPIRES_AT_SECONDS * 1000);
        assertThrows(AuthenticationFailedException.class, () -> authenticate(local, "token-a"));
        assertEquals(3, verifier.calls.get(), "at its expiry a kept token goes back to the verifier");
    }

    @Test
    void aRefusedTokenIsNotKept() {
        AtomicLong now = new AtomicLong(0);
        CountingVerifier verifier = new CountingVerifier(now);
        VerifiedTokenCache local = new VerifiedTokenCache(verifier, 10, now::get);
        assertThrows(AuthenticationFailedException.class, () -> authenticate(local, "forged-1"));
        assertThrows(AuthenticationFailedException.class, () -> authenticate(local, "forged-1"));
        assertEquals(2, verifier.calls.get());
        assertEquals(0, local.size());
    }

    @Test
    void theCacheStaysWithinItsCapacityAndMakesRoomFromExpiredTokens() {
        AtomicLong now = new AtomicLong(0);
        CountingVerifier verifier = new CountingVerifier(now);
        VerifiedTokenCache local = new VerifiedTokenCache(verifier, 2, now::get);
        authenticate(local, "short-1");
        authenticate(local, "short-2");
        authenticate(local, "token-3");
        authenticate(local, "token-3");
        assertEquals(2, local.size());
        assertEquals(4, verifier.calls.get(), "a token that found no room is verified every time");

        now.set((EXPIRES_AT_SECONDS - 30) * 1000); // both kept tokens have expired
        authenticate(local, "token-3");
        authenticate(local, "token-3");
        assertEquals(5, verifier.calls.get(), "the expired tokens made room for it");
        assertEquals(1, local.size());
    }

    @Test
    void idTokensAreLeftToTheOidcProvider() {
        VerifiedTokenCache local = new VerifiedTokenCache(new CountingVerifier(new AtomicLong()), 10, () -> 0);
        assertNull(local.authenticate(new TokenAuthenticationRequest(new IdTokenCredential("id-token")), null)
                .await().indefinitely());
    }
}
