package io.cellgate.events;

import static io.cellgate.support.Api.ACME_OPERATOR;
import static io.cellgate.support.Api.ACME_VIEWER;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static io.cellgate.support.TenantEvents.awaitOfSim;
import static io.cellgate.support.TenantEvents.data;
import static io.cellgate.support.TenantEvents.ofSim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.support.OwnerDatabase;
import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events are kept for their retention, then removed; the SIM's numbering goes on. */
@QuarkusTest
class EventRetentionTest {
    @Inject
    EventRetention retention;
    @Inject
    Vertx vertx;

    @Test
    void eventsPastTheRetentionAreRemovedAndNewerOnesStay() {
        ensureTenant("acme");
        String iccid = TestSims.assignedTo("acme", 1).first();
        as(ACME_OPERATOR).post("/api/v1/sims/" + iccid + "/activate").then().statusCode(200);
        awaitOfSim(ACME_VIEWER, iccid, 2);
        Pool owner = OwnerDatabase.open(vertx);
        try {
            owner.preparedQuery("UPDATE events SET at = now() - interval '31 days' WHERE iccid = $1 AND seq = 1")
                    .execute(Tuple.of(iccid)).await().atMost(Duration.ofSeconds(10));
        } finally {
            owner.closeAndAwait();
        }

        long removed = retention.before(Instant.now().minus(Duration.ofDays(30))).await()
                .atMost(Duration.ofSeconds(30));

        assertTrue(removed >= 1, "removed " + removed);
        as(ACME_OPERATOR).post("/api/v1/sims/" + iccid + "/suspend").then().statusCode(200);
        List<Map<String, Object>> kept = awaitOfSim(ACME_VIEWER, iccid, 2);
        assertEquals(List.of("active", "suspended"), kept.stream().map(e -> data(e).get("status")).toList());
        assertEquals(List.of(2, 3), kept.stream().map(e -> e.get("sequence")).toList(), "numbering goes on");
        assertEquals(2, ofSim(ACME_VIEWER, iccid).size());
    }
}
