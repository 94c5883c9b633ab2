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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Deliveries are kept as long as the events: older ones go, with their attempts; newer ones stay. */
@QuarkusTest
class WebhookRetentionTest {
    private static final WebhookReceiver RECEIVER = WebhookReceiver.start();

    @Inject
    WebhookRetention retention;
    @Inject
    Vertx vertx;

    @Test
    void deliveriesPastTheRetentionAreRemovedWithTheirAttemptsAndNewerOnesStay() {
        ensureTenant("acme");
        as(OPS).body(Map.of("webhooks_allow_http", true)).patch("/api/v1/admin/tenants/acme").then().statusCode(200);
        String id = as(ACME_ADMIN).body(Map.of("url", RECEIVER.endpoint("/retention", n -> Reply.ok()),
                        "event_types", List.of("webhook.test"))).post("/api/v1/webhooks").then().statusCode(201)
                .extract().path("id");
        try {
            as(ACME_ADMIN).post("/api/v1/webhooks/" + id + "/test").then().statusCode(202);
            as(ACME_ADMIN).post("/api/v1/webhooks/" + id + "/test").then().statusCode(202);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(id)
                    .getList("items.state").equals(List.of("succeeded", "succeeded")));
            long old = deliveries(id).getLong("items[1].id");
            long kept = deliveries(id).getLong("items[0].id");
            Pool owner = OwnerDatabase.open(vertx);
            try {
                owner.preparedQuery("UPDATE webhook_deliveries SET created_at = now() - interval '31 days'"
                        + " WHERE id = $1").execute(Tuple.of(old)).await().atMost(Duration.ofSeconds(10));

                long removed = retention.before(Instant.now().minus(Duration.ofDays(30))).await()
                        .atMost(Duration.ofSeconds(30));

                assertTrue(removed >= 1, "removed " + removed);
                assertEquals(List.of(kept), deliveries(id).getList("items.id", Long.class));
                assertEquals(0L, owner.preparedQuery("SELECT count(*) FROM webhook_attempts WHERE delivery_id = $1")
                        .execute(Tuple.of(old)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0));
            } finally {
                owner.closeAndAwait();
            }
        } finally {
            as(ACME_ADMIN).delete("/api/v1/webhooks/" + id).then().statusCode(204);
        }
    }

    private static JsonPath deliveries(String webhook) {
        return as(ACME_ADMIN).get("/api/v1/webhooks/" + webhook + "/deliveries").then().statusCode(200).extract()
                .jsonPath();
    }
}
