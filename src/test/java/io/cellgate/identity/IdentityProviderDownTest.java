package io.cellgate.identity;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.problem;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the identity provider's admin API unreachable, user management answers 503 at once; token checks go on. */
@QuarkusTest
@TestProfile(IdentityProviderDownTest.AdminApiUnreachable.class)
class IdentityProviderDownTest {

    public static class AdminApiUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.keycloak.admin-client.server-url", "http://127.0.0.1:9");
        }
    }

    @Test
    void userManagementAnswers503WithRetryAfter() {
        problem(as(ACME_ADMIN).get("/api/v1/users").then(), 503, "service-unavailable")
                .header("Retry-After", equalTo("10"));
        problem(as(ACME_ADMIN).get("/api/v1/service-accounts").then(), 503, "service-unavailable");
        as(ACME_ADMIN).get("/api/v1/sims?limit=1").then().statusCode(200);
    }
}
