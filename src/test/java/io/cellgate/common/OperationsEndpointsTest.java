package io.cellgate.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.support.Api;
import io.cellgate.support.PrometheusMetrics;
import io.cellgate.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readinessCoversWhatThisReplicaNeedsToServeAndNotTheIdentityProvider() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", not(hasItem("identity-provider")))
                .body("checks.find { it.name == 'radius' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'radius' }.data.open_sockets", greaterThan(1))
                .body("checks.find { it.name.contains('Reactive PostgreSQL') }.status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks", hasSize(0));
    }

    @Test
    void theApiReferenceIsServedAsAPage() {
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("swagger-ui"));
        given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/sims/{iccid}/sms"));
    }

    @Test
    void theIdentityProviderShowsInHealthDetailsAndMetrics() {
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().get("/q/health/well").then().statusCode(200)
                        .body("checks.find { it.name == 'identity-provider' }.status", equalTo("UP"))
                        .body("checks.find { it.name == 'identity-provider' }.data.http_status", equalTo(200)));
        given().get("/q/health").then().statusCode(200).body("checks.name", hasItems("identity-provider", "radius"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("cellgate_identity_provider_up 1.0"));
    }

    @Test
    void metricsAreExposedForPrometheusAfterTraffic() {
        given().get("/api/v1/sims").then().statusCode(401);
        given().auth().oauth2(Tokens.of(Api.ACME_VIEWER)).get("/api/v1/sims?limit=1").then().statusCode(200);
        String metrics = PrometheusMetrics.scrape();
        assertTrue(metrics.contains("jvm_memory_used_bytes"));
        // latency by route template and status, in the fixed buckets the alerts' p99 is computed from
        for (String le : List.of("0.005", "0.1", "1.0", "10.0", "+Inf")) {
            assertTrue(metrics.lines().anyMatch(line -> line.startsWith("http_server_requests_seconds_bucket{")
                    && line.contains("uri=\"/api/v1/sims\"") && line.contains("status=\"200\"")
                    && line.contains("le=\"" + le + "\"")), "bucket le=" + le);
        }
        assertTrue(PrometheusMetrics.sum("http_server_requests_seconds_count", Map.of("uri", "/api/v1/sims",
                "status", "401")) >= 1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertTrue(PrometheusMetrics.scrape()
                .lines().anyMatch(line -> line.startsWith("cellgate_audit_unlinked_oldest_seconds "))));
    }
}
