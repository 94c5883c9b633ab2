package io.cellgate.ratelimit;

import static io.cellgate.support.Api.ACME_VIEWER;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static io.cellgate.support.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import io.cellgate.support.PrometheusMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RateLimitTest {

    @BeforeEach
    void tenants() {
        ensureTenant("acme");
        ensureTenant("globex");
        io.cellgate.support.Tokens.of("globex-viewer");
        io.cellgate.support.Tokens.of(ACME_VIEWER);
    }

    @AfterEach
    void restore() {
        ensureTenant("globex");
    }

    @Test
    void overTheLimitIsA429WithRetryAfterAndRateLimitHeaders() {
        as(OPS).body(Map.of("quotas", Map.of("api_requests_per_second", 1, "api_burst", 3)))
                .patch("/api/v1/admin/tenants/globex").then().statusCode(200);
        double rejectedBefore = PrometheusMetrics.sum("cellgate_rate_limit_rejected_total", Map.of("tenant", "globex"));
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            responses.add(as("globex-viewer").get("/api/v1/sims?limit=1"));
        }
        long accepted = responses.stream().filter(r -> r.statusCode() == 200).count();
        assertTrue(accepted >= 3 && accepted <= 4, "accepted " + accepted + " of 6 with burst 3 at 1/s");
        assertEquals(6 - accepted, PrometheusMetrics.sum("cellgate_rate_limit_rejected_total",
                Map.of("tenant", "globex")) - rejectedBefore, "each refusal counted under its tenant");
        responses.get(0).then().statusCode(200)
                .header("RateLimit-Policy", equalTo("\"tenant\";q=3;w=3"))
                .header("RateLimit", matchesPattern("\"tenant\";r=2;t=[01]"));
        Response refused = responses.get(5);
        problem(refused.then(), 429, "rate-limited")
                .header("Retry-After", equalTo("1"))
                .header("RateLimit-Policy", equalTo("\"tenant\";q=3;w=3"))
                .header("RateLimit", matchesPattern("\"tenant\";r=0;t=[1-3]"));
        for (String name : List.of("RateLimit-Policy", "RateLimit", "X-Request-Id")) {
            assertEquals(1, responses.get(0).headers().getValues(name).size(), name + " once on the answer");
            assertEquals(1, refused.headers().getValues(name).size(), name + " once on the refusal");
        }
    }

    /** globex runs into its limit while acme, at the same time, gets every call through. */
    @Test
    void oneTenantAtItsLimitDoesNotLimitAnother() throws Exception {
        as(OPS).body(Map.of("quotas", Map.of("api_requests_per_second", 2, "api_burst", 2)))
                .patch("/api/v1/admin/tenants/globex").then().statusCode(200);
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<int[]> globex = CompletableFuture.supplyAsync(() -> {
            int[] counts = new int[2];
            while (!stop.get()) {
                int status = as("globex-viewer").get("/api/v1/sims?limit=1").statusCode();
                counts[status == 429 ? 1 : 0]++;
            }
            return counts;
        });
        List<Integer> acme = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            acme.add(as(ACME_VIEWER).get("/api/v1/sims?limit=1").statusCode());
        }
        stop.set(true);
        int[] globexCounts = globex.get();
        assertEquals(List.of(200), acme.stream().distinct().toList(), "acme's calls");
        assertTrue(globexCounts[1] > 0, "globex was limited: " + globexCounts[0] + " accepted, " + globexCounts[1]
                + " refused");
    }

    @Test
    void carrierOpsAreNotLimitedByATenantsQuota() {
        as(OPS).body(Map.of("quotas", Map.of("api_requests_per_second", 1, "api_burst", 1)))
                .patch("/api/v1/admin/tenants/globex").then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            as(OPS).get("/api/v1/admin/tenants/globex").then().statusCode(200);
        }
    }
}
