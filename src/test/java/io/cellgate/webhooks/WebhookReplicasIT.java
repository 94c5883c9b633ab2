package io.cellgate.webhooks;

import static io.cellgate.support.Replicas.on;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellgate.support.Replica;
import io.cellgate.support.Replicas;
import io.cellgate.support.TestSims;
import io.cellgate.support.WebhookReceiver;
import io.cellgate.support.WebhookReceiver.Received;
import io.cellgate.support.WebhookReceiver.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged service deliver the same tenant's events at once: every delivery is attempted by one
 * of them, once, and together they deliver them all.
 */
class WebhookReplicasIT {
    private static final int SIMS = 150;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        Replicas.start();
        on(Replicas.A, "ops").body(Map.of("id", "acme", "name", "acme (tests)")).post("/api/v1/admin/tenants");
        on(Replicas.A, "ops").body(Map.of("status", "active", "webhooks_allow_http", true, "quotas",
                Map.of("api_requests_per_second", 5000, "api_burst", 10000))).patch("/api/v1/admin/tenants/acme")
                .then().statusCode(200);
    }

    @Test
    void twoReplicasDeliverEveryEventOncePerAttempt() throws Exception {
        long before = attempts(Replicas.A) + attempts(Replicas.B);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String url = receiver.endpoint("/replicas", n -> Reply.ok());
            String webhook = on(Replicas.A, "acme-admin").body(Map.of("url", url, "event_types",
                            List.of("sim.status_changed"))).post("/api/v1/webhooks").then().statusCode(201)
                    .extract().path("id");
            try {
                TestSims sims = TestSims.generate(SIMS);
                on(Replicas.A, "ops").body(sims.rows).post("/api/v1/admin/sims/import").then().statusCode(201);
                on(Replicas.B, "ops").body(Map.of("tenant_id", "acme", "iccids", sims.iccids))
                        .post("/api/v1/admin/sims/assign").then().statusCode(200);
                on(Replicas.A, "acme-admin").body(Map.of("action", "activate", "iccids", sims.iccids))
                        .post("/api/v1/sims/bulk-actions").then().statusCode(202);

                Set<String> ours = Set.copyOf(sims.iccids);
                List<Received> delivered = receiver.await("/replicas", all -> all.stream()
                        .filter(r -> ours.contains(r.event().get("iccid"))).count() >= 2L * SIMS);
                Map<String, Long> perEvent = delivered.stream().map(r -> r.header("webhook-id"))
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                assertEquals(Map.of(), perEvent.entrySet().stream().filter(e -> e.getValue() > 1)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "no event twice");
                Awaitility.await().atMost(Duration.ofSeconds(10))
                        .until(() -> attempts(Replicas.A) + attempts(Replicas.B) - before >= 2L * SIMS);
                assertEquals(2 * SIMS, receiver.at("/replicas").size(), "each event once: one replica's one attempt");
                assertEquals(2L * SIMS, attempts(Replicas.A) + attempts(Replicas.B) - before);
                System.out.printf("webhook deliveries across two replicas: %d by A, %d by B%n",
                        attempts(Replicas.A), attempts(Replicas.B));
            } finally {
                on(Replicas.A, "acme-admin").delete("/api/v1/webhooks/" + webhook).then().statusCode(204);
            }
        }
    }

    private static Stream<String> metrics(Replica replica) {
        return given().baseUri(replica.url()).get("/q/metrics").asString().lines();
    }

    /** The replica's successful attempts so far, as its metrics count them. */
    private static long attempts(Replica replica) {
        return metrics(replica)
                .filter(line -> line.startsWith("cellgate_webhook_attempts_total{") && line.contains("success"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
