package io.cellgate.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.common.db.ScopedDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The detector reads each tenant's events from its cursor along the events index, as the service's database role
 * does it: under row-level security, where a condition the planner takes for leaky is held back until the policy's
 * filter has run, and scans every event of the tenant instead (a test as the database owner would not see it). Plans
 * are asked for with sequential scans off, since the test database is too small for the planner to prefer the index
 * on its own: what matters is whether the cursor can bound the index scan at all.
 */
@QuarkusTest
class AnomalyDetectorPlansTest {
    @Inject
    ScopedDatabase db;

    @Test
    void theLookForTenantsWithNewEventsStartsEachTenantsIndexScanAtItsCursor() {
        JsonObject scan = eventsScan(plan(AnomalyDetector.TENANTS_WITH_NEW_EVENTS, Tuple.tuple()));
        assertCursorBoundsTheScan(scan);
    }

    @Test
    void aBatchOfATenantsEventsStartsItsIndexScanAtTheCursor() {
        JsonObject scan = eventsScan(plan(AnomalyDetector.EVENTS, Tuple.of("acme", "12345", 678L, 1000)));
        assertCursorBoundsTheScan(scan);
    }

    private static void assertCursorBoundsTheScan(JsonObject scan) {
        String bound = scan.getString("Index Cond", "");
        String filter = scan.getString("Filter", "");
        assertTrue(bound.contains("ROW(tx, \"position\") >"), "the cursor bounds the index scan: " + scan.encode());
        assertTrue(!filter.contains("ROW("), "the cursor is not a filter after the scan: " + scan.encode());
    }

    private JsonArray plan(String sql, Tuple params) {
        return db.transaction(Anomalies.DETECTOR.allTenants(), tx -> tx.query("SET LOCAL enable_seqscan = off")
                        .execute().flatMap(off -> tx.preparedQuery("EXPLAIN (FORMAT JSON) " + sql).execute(params)))
                .map(rows -> (JsonArray) rows.iterator().next().getValue(0))
                .await().atMost(Duration.ofSeconds(10));
    }

    /** The one scan of the events table in the plan. */
    private static JsonObject eventsScan(JsonArray plan) {
        List<JsonObject> scans = new ArrayList<>();
        collect(plan.getJsonObject(0).getJsonObject("Plan"), scans);
        assertEquals(1, scans.size(), "one scan of events: " + plan.encode());
        return scans.get(0);
    }

    private static void collect(JsonObject node, List<JsonObject> scans) {
        if ("events".equals(node.getString("Relation Name"))) {
            scans.add(node);
        }
        JsonArray children = node.getJsonArray("Plans", new JsonArray());
        for (int i = 0; i < children.size(); i++) {
            collect(children.getJsonObject(i), scans);
        }
    }
}
