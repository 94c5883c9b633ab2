package io.cellgate.webhooks;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellgate.support.OwnerDatabase;
import io.cellgate.support.WebhookReceiver;
import io.cellgate.support.WebhookReceiver.Reply;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A delivery whose sender stopped mid-send (its lease ran out) is sent again while it is within its retry period
 * (6 s in the tests), and failed after it, each with an attempt that says what happened.
 */
@QuarkusTest
class WebhookLeaseTest {
    private static final WebhookReceiver RECEIVER = WebhookReceiver.start();
    private static final String NO_OUTCOME = "no outcome: the sending replica stopped";

    @Inject
    Vertx vertx;

    @Test
    void aLapsedDeliveryIsSentAgainWithinItsRetryPeriodAndFailedAfterIt() {
        ensureTenant("acme");
        as(OPS).body(Map.of("webhooks_allow_http", true)).patch("/api/v1/admin/tenants/acme").then().statusCode(200);
        String id = as(ACME_ADMIN).body(Map.of("url", RECEIVER.endpoint("/lease", n -> Reply.ok()),
                        "event_types", List.of("webhook.test"))).post("/api/v1/webhooks").then().statusCode(201)
                .extract().path("id");
        try {
            as(ACME_ADMIN).post("/api/v1/webhooks/" + id + "/test").then().statusCode(202);
            as(ACME_ADMIN).post("/api/v1/webhooks/" + id + "/test").then().statusCode(202);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(id)
                    .getList("items.state").equals(List.of("succeeded", "succeeded")));
            long expired = deliveries(id).getLong("items[1].id");
            long fresh = deliveries(id).getLong("items[0].id");
            Pool owner = OwnerDatabase.open(vertx);
            try {
                // as a replica leaves them when it stops mid-send: claimed, leases run out, no outcome recorded
                owner.preparedQuery("UPDATE webhook_deliveries SET state = 'sending', attempts = attempts + 1,"
                                + " finished_at = NULL, lease_until = now() - interval '1 second',"
                                + " first_attempt_at = now() - CASE WHEN id = $1 THEN interval '1 minute'"
                                + " ELSE interval '0 s' END WHERE id IN ($1, $2)")
                        .execute(Tuple.of(expired, fresh)).await().atMost(Duration.ofSeconds(10));
            } finally {
                owner.closeAndAwait();
            }

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(id)
                    .getList("items.state").equals(List.of("succeeded", "failed")));
            JsonPath after = deliveries(id);
            List<Map<String, Object>> freshAttempts = after.getList("items[0].attempts");
            assertEquals(List.of(200, NO_OUTCOME, 200), freshAttempts.stream()
                    .map(a -> a.get("status_code") != null ? a.get("status_code") : a.get("error")).toList());
            List<Map<String, Object>> expiredAttempts = after.getList("items[1].attempts");
            assertEquals(List.of(200, NO_OUTCOME), expiredAttempts.stream()
                    .map(a -> a.get("status_code") != null ? a.get("status_code") : a.get("error")).toList());
        } finally {
            as(ACME_ADMIN).delete("/api/v1/webhooks/" + id).then().statusCode(204);
        }
    }

    private static JsonPath deliveries(String webhook) {
        return as(ACME_ADMIN).get("/api/v1/webhooks/" + webhook + "/deliveries").then().statusCode(200).extract()
                .jsonPath();
    }
}
