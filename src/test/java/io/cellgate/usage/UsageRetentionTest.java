package io.cellgate.usage;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static org.hamcrest.Matchers.containsInAnyOrder;
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
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** What the data path leaves (refused requests, stopped sessions) is kept for its retention, then removed. */
@QuarkusTest
class UsageRetentionTest {
    @Inject
    UsageRetention retention;
    @Inject
    Vertx vertx;

    @Test
    void authEventsPastTheirRetentionAreRemovedAndNewerOnesStay() {
        TestSims sims = newSim();
        String secret = TestNas.secret();
        String imsi = imsiOf(sims);
        assertRejected(Radclient.auth(secret, imsi));
        awaitAuthEvents(sims.first(), 1);
        age("UPDATE auth_events SET at = now() - interval '31 days' WHERE iccid = $1", sims.first());
        assertRejected(Radclient.auth(secret, imsi));
        awaitAuthEvents(sims.first(), 2);

        long removed = retention.authEventsBefore(Instant.now().minus(Duration.ofDays(30))).await()
                .atMost(Duration.ofSeconds(30));

        assertTrue(removed >= 1, "removed " + removed);
        as(ACME_ADMIN).get("/api/v1/sims/" + sims.first() + "/auth-events").then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void sessionsStoppedAndSilentPastTheirRetentionAreRemovedAndOthersStay() {
        TestSims sims = newSim();
        String secret = TestNas.secret();
        String imsi = imsiOf(sims);
        String old = "old-" + UUID.randomUUID();
        String stillReporting = "closed-stale-" + UUID.randomUUID();
        String live = "live-" + UUID.randomUUID();
        for (String session : new String[] {old, stillReporting}) {
            assertAccounted(Radclient.acct(secret, "Acct-Status-Type = Start", "Acct-Session-Id = \"" + session + "\"",
                    imsi));
            assertAccounted(Radclient.acct(secret, "Acct-Status-Type = Stop", "Acct-Session-Id = \"" + session + "\"",
                    imsi));
        }
        assertAccounted(Radclient.acct(secret, "Acct-Status-Type = Start", "Acct-Session-Id = \"" + live + "\"",
                imsi));
        age("UPDATE data_sessions SET stopped_at = now() - interval '91 days', updated_at = now() - interval '91 days'"
                + " WHERE iccid = $1 AND acct_session_id LIKE 'old-%'", sims.first());
        age("UPDATE data_sessions SET stopped_at = now() - interval '91 days'"
                + " WHERE iccid = $1 AND acct_session_id LIKE 'closed-stale-%'", sims.first());

        long removed = retention.sessionsStoppedBefore(Instant.now().minus(Duration.ofDays(90))).await()
                .atMost(Duration.ofSeconds(30));

        assertTrue(removed >= 1, "removed " + removed);
        as(ACME_ADMIN).get("/api/v1/sims/" + sims.first() + "/sessions").then().statusCode(200)
                .body("items.acct_session_id", containsInAnyOrder(live, stillReporting));
    }

    private static TestSims newSim() {
        ensureTenant("acme");
        return TestSims.assignedTo("acme", 1);
    }

    private static String imsiOf(TestSims sims) {
        return "3GPP-IMSI = \"" + sims.rows.get(0).get("imsi") + "\"";
    }

    /** Moves rows back in time, as the owner of the tables (the service may not rewrite what it recorded). */
    private void age(String update, String iccid) {
        Pool owner = OwnerDatabase.open(vertx);
        try {
            owner.preparedQuery(update).execute(Tuple.of(iccid)).await().atMost(Duration.ofSeconds(10));
        } finally {
            owner.closeAndAwait();
        }
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

    private static void assertAccounted(Radclient.Reply reply) {
        assertNotNull(reply, "an answer from the RADIUS server");
        assertEquals("Accounting-Response", reply.code(), reply.output());
    }
}
