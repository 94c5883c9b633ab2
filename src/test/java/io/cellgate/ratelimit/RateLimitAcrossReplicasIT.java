package io.cellgate.ratelimit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.support.Replica;
import io.cellgate.support.Replicas;
import io.cellgate.support.Tokens;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged service against one database: a tenant limited to 10 requests per second (burst 20),
 * driven as hard as possible through both, gets no more than one limit's worth of requests accepted, not two.
 */
class RateLimitAcrossReplicasIT {
    private static final int RATE = 10;
    private static final int BURST = 20;
    private static final Duration LOAD = Duration.ofSeconds(6);
    private static final List<Replica> REPLICAS = List.of(Replicas.A, Replicas.B);
    private static final List<String> URLS = REPLICAS.stream().map(Replica::url).toList();

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        Replicas.start();
    }

    @AfterAll
    static void restoreQuotas() {
        setQuotas(Map.of("api_requests_per_second", 5000, "api_burst", 10000));
    }

    private static void setQuotas(Map<String, Object> quotas) {
        given().baseUri(URLS.get(0)).auth().oauth2(Tokens.of("ops")).contentType(ContentType.JSON)
                .body(Map.of("id", "globex", "name", "globex (tests)")).post("/api/v1/admin/tenants");
        given().baseUri(URLS.get(0)).auth().oauth2(Tokens.of("ops")).contentType(ContentType.JSON)
                .body(Map.of("status", "active", "quotas", quotas)).patch("/api/v1/admin/tenants/globex")
                .then().statusCode(200);
    }

    @Test
    void theLimitHoldsAcrossReplicas() throws Exception {
        String token = Tokens.of("globex-viewer");
        setQuotas(Map.of("api_requests_per_second", 5000, "api_burst", 10000));
        given().baseUri(URLS.get(0)).auth().oauth2(token).get("/api/v1/sims?limit=1").then().statusCode(200);
        setQuotas(Map.of("api_requests_per_second", RATE, "api_burst", BURST));

        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        long end = start + LOAD.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            String url = URLS.get(c % 2);
            running.add(clients.submit(() -> {
                while (System.nanoTime() < end) {
                    int status = given().baseUri(url).auth().oauth2(token).get("/api/v1/sims?limit=1").statusCode();
                    (status == 200 ? accepted : refused).incrementAndGet();
                }
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        double expected = BURST + RATE * seconds;
        System.out.printf("two replicas, %.2f s: accepted %d, refused %d, one limit allows %.0f%n", seconds,
                accepted.get(), refused.get(), expected);
        assertTrue(Math.abs(accepted.get() - expected) <= 0.1 * expected, "accepted " + accepted + " in "
                + String.format("%.2f", seconds) + " s through two replicas; one limit allows " + expected
                + " (refused " + refused + ")");
        assertTrue(refused.get() > accepted.get(), "the load was far above the limit: refused " + refused);
    }
}
