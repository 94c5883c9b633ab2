package io.cellgate.common.db;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellgate.common.DataScope;
import io.cellgate.support.TestActors;
import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScopedDatabaseTest {
    @Inject
    ScopedDatabase db;
    @Inject
    Pool pool;

    /** A caller that goes away (a cancelled subscription) must not leave a connection inside an open transaction. */
    @Test
    void aTransactionWhoseCallerLeftStillEndsAndChangesNothing() {
        ensureTenant("acme");
        String iccid = TestSims.assignedTo("acme", 1).first();
        Cancellable caller = db.transaction(TestActors.tenant("acme"), tx -> tx
                        .preparedQuery("UPDATE sims SET name = $2 WHERE iccid = $1").execute(Tuple.of(iccid, "half-done"))
                        .onItem().delayIt().by(Duration.ofMillis(500))
                        .map(updated -> {
                            throw new IllegalStateException("the work fails after its caller left");
                        }))
                .subscribe().with(done -> { }, failure -> { });
        // The caller leaves while the work is under way: after the UPDATE, before the work's end.
        Awaitility.await().pollDelay(Duration.ofMillis(250)).until(() -> true);
        caller.cancel();

        // looked at once a transaction left open would have sat idle for over a second
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> openTransactions() == 0);
        as(ACME_ADMIN).get("/api/v1/sims/" + iccid).then().statusCode(200)
                .body("name", not(org.hamcrest.Matchers.equalTo("half-done")));
        assertEquals(0, openTransactions());
    }

    /** The statement sent along with COMMIT (the audit record) commits with the work, or takes the work down with it. */
    @Test
    void theLastStatementCommitsWithTheWorkOrRollsItBack() {
        ensureTenant("acme");
        String iccid = TestSims.assignedTo("acme", 1).first();
        DataScope acme = TestActors.tenant("acme");
        var failure = assertThrows(PgException.class, () -> db.transaction(acme,
                tx -> tx.preparedQuery("UPDATE sims SET name = $2 WHERE iccid = $1").execute(Tuple.of(iccid, "undone")),
                (tx, updated) -> tx.query("SELECT 1 / 0").execute()).await().indefinitely());
        assertEquals("22012", failure.getSqlState());
        assertNotEquals("undone", name(iccid));

        String done = db.transaction(acme,
                tx -> tx.preparedQuery("UPDATE sims SET name = $2 WHERE iccid = $1").execute(Tuple.of(iccid, "done"))
                        .replaceWith("done"),
                (tx, result) -> tx.preparedQuery("UPDATE sims SET labels = $2 WHERE iccid = $1")
                        .execute(Tuple.of(iccid, new io.vertx.core.json.JsonObject().put("last", result))))
                .await().indefinitely();
        assertEquals("done", done);
        assertEquals("done", name(iccid));
        assertEquals("done", db.query(acme, "SELECT labels ->> 'last' FROM sims WHERE iccid = $1", Tuple.of(iccid))
                .await().indefinitely().iterator().next().getString(0));
        assertEquals(0, openTransactions());
    }

    private String name(String iccid) {
        return db.query(TestActors.tenant("acme"), "SELECT name FROM sims WHERE iccid = $1", Tuple.of(iccid))
                .await().indefinitely().iterator().next().getString(0);
    }

    /**
     * Sessions of the service's role left inside a transaction with nothing running: idle there for more than a second
     * (the service's own background work passes through that state between its statements, for milliseconds).
     */
    private long openTransactions() {
        return pool.query("SELECT count(*) FROM pg_stat_activity WHERE usename = current_user"
                        + " AND state LIKE 'idle in transaction%' AND state_change < now() - interval '1 second'")
                .execute().await().indefinitely().iterator().next().getLong(0);
    }
}
