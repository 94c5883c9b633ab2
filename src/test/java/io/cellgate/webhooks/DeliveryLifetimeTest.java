package io.cellgate.webhooks;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What becomes of a delivery over time: one whose sender stopped mid-send (its lease ran out) is sent again within
 * its retry period (6 s in the tests) and failed after it; one past the retention is removed with its attempts.
 */
@QuarkusTest
class DeliveryLifetimeTest {
    private static final WebhookReceiver RECEIVER = WebhookReceiver.start();
    private static final String NO_OUTCOME = "no outcome: the sending replica stopped";

    @Inject
    WebhookRetention retention;
    @Inject
    Vertx vertx;

    @Test
    void aLapsedDeliveryIsSentAgainWithinItsRetryPeriodAndFailedAfterIt() {
        withTwoDeliveries("/lease", (webhook, owner) -> {
            long expired = deliveries(webhook).getLong("items[1].id");
            long fresh = deliveries(webhook).getLong("items[0].id");
            // as a replica leaves them when it stops mid-send: claimed, leases run out, no outcome recorded
            owner.preparedQuery("UPDATE webhook_deliveries SET state = 'sending', attempts = attempts + 1,"
                            + " finished_at = NULL, lease_until = now() - interval '1 second',"
                            + " first_attempt_at = now() - CASE WHEN id = $1 THEN interval '1 minute'"
                            + " ELSE interval '0 s' END WHERE id IN ($1, $2)")
                    .execute(Tuple.of(expired, fresh)).await().atMost(Duration.ofSeconds(10));

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(webhook)
                    .getList("items.state").equals(List.of("succeeded", "failed")));
            JsonPath after = deliveries(webhook);
            assertEquals(List.of(200, NO_OUTCOME, 200), outcomes(after.getList("items[0].attempts")));
            assertEquals(List.of(200, NO_OUTCOME), outcomes(after.getList("items[1].attempts")));
        });
    }

    @Test
    void deliveriesPastTheRetentionAreRemovedWithTheirAttemptsAndNewerOnesStay() {
        withTwoDeliveries("/retention", (webhook, owner) -> {
            long old = deliveries(webhook).getLong("items[1].id");
            long kept = deliveries(webhook).getLong("items[0].id");
            owner.preparedQuery("UPDATE webhook_deliveries SET created_at = now() - interval '31 days' WHERE id = $1")
                    .execute(Tuple.of(old)).await().atMost(Duration.ofSeconds(10));

            long removed = retention.before(Instant.now().minus(Duration.ofDays(30))).await()
                    .atMost(Duration.ofSeconds(30));

            assertTrue(removed >= 1, "removed " + removed);
            assertEquals(List.of(kept), deliveries(webhook).getList("items.id", Long.class));
            assertEquals(0L, owner.preparedQuery("SELECT count(*) FROM webhook_attempts WHERE delivery_id = $1")
                    .execute(Tuple.of(old)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0));
        });
    }

    /**
     * A webhook at the receiver's {@code path} with two test deliveries that succeeded, given to {@code check} with a
     * connection as the schema's owner (to age or strand them as time or a stopped replica would); removed after.
     */
    private void withTwoDeliveries(String path, BiConsumer<String, Pool> check) {
        ensureTenant("acme");
        as(OPS).body(Map.of("webhooks_allow_http", true)).patch("/api/v1/admin/tenants/acme").then().statusCode(200);
        String webhook = as(ACME_ADMIN).body(Map.of("url", RECEIVER.endpoint(path, n -> Reply.ok()),
                        "event_types", List.of("webhook.test"))).post("/api/v1/webhooks").then().statusCode(201)
                .extract().path("id");
        Pool owner = OwnerDatabase.open(vertx);
        try {
            as(ACME_ADMIN).post("/api/v1/webhooks/" + webhook + "/test").then().statusCode(202);
            as(ACME_ADMIN).post("/api/v1/webhooks/" + webhook + "/test").then().statusCode(202);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(webhook)
                    .getList("items.state").equals(List.of("succeeded", "succeeded")));
            check.accept(webhook, owner);
        } finally {
            owner.closeAndAwait();
            as(ACME_ADMIN).delete("/api/v1/webhooks/" + webhook).then().statusCode(204);
        }
    }

    /** Each attempt's status code, or its error when it had none. */
    private static List<Object> outcomes(List<Map<String, Object>> attempts) {
        return attempts.stream().map(a -> a.get("status_code") != null ? a.get("status_code") : a.get("error"))
                .toList();
    }

    private static JsonPath deliveries(String webhook) {
        return as(ACME_ADMIN).get("/api/v1/webhooks/" + webhook + "/deliveries").then().statusCode(200).extract()
                .jsonPath();
    }
}
