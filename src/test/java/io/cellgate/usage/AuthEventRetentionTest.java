package io.cellgate.usage;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.support.OwnerDatabase;
import io.cellgate.support.Radclient;
import io.cellgate.support.TestNas;
import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Refused access requests are kept for their retention, then removed; newer ones stay. */
@QuarkusTest
class AuthEventRetentionTest {
    @Inject
    AuthEventRetention retention;
    @Inject
    Vertx vertx;

    @Test
    void authEventsPastTheirRetentionAreRemovedAndNewerOnesStay() {
        ensureTenant("acme");
        String secret = TestNas.secret();
        TestSims sims = TestSims.assignedTo("acme", 1);
        String imsi = "3GPP-IMSI = \"" + sims.rows.get(0).get("imsi") + "\"";
        assertRejected(Radclient.auth(secret, imsi));
        awaitAuthEvents(sims.first(), 1);
        Pool owner = OwnerDatabase.open(vertx);
        try {
            owner.preparedQuery("UPDATE auth_events SET at = now() - interval '31 days' WHERE iccid = $1")
                    .execute(Tuple.of(sims.first())).await().atMost(Duration.ofSeconds(10));
        } finally {
            owner.closeAndAwait();
        }
        assertRejected(Radclient.auth(secret, imsi));
        awaitAuthEvents(sims.first(), 2);

        long removed = retention.deleteOlderThan(Instant.now().minus(Duration.ofDays(30))).await()
                .atMost(Duration.ofSeconds(30));

        assertTrue(removed >= 1, "removed " + removed);
        as(ACME_ADMIN).get("/api/v1/sims/" + sims.first() + "/auth-events").then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    /** Refused requests are written in batches, moments after their answer. */
    private static void awaitAuthEvents(String iccid, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> as(ACME_ADMIN)
                .get("/api/v1/sims/" + iccid + "/auth-events").then().statusCode(200).extract().jsonPath()
                .getList("items").size() == count);
    }

    private static void assertRejected(Radclient.Reply reply) {
        assertNotNull(reply, "an answer from the RADIUS server");
        assertEquals("Access-Reject", reply.code(), reply.output());
    }
}
