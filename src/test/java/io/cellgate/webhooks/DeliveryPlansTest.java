package io.cellgate.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellgate.support.OwnerDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The functions that queue, claim and settle deliveries are planned for the deliveries' indexes whatever the statistics
 * say. A replica plans them once per connection, often while the deliveries table is empty, and a plan made for an
 * empty table (sequential scans in nested loops) then stays through the burst that follows: measured at 11-18 s per
 * claim over 18,000 deliveries. So each turns sequential scans off, and JIT with them (the penalty of a disabled node
 * would make every call compile).
 */
@QuarkusTest
class DeliveryPlansTest {
    private static final List<String> PLANNED_FOR_INDEXES = List.of("enable_seqscan=off", "jit=off");

    @Inject
    Vertx vertx;

    @Test
    void theFunctionsOnEveryDeliveryPathReadAlongIndexesWhateverTheStatistics() {
        Pool owner = OwnerDatabase.open(vertx);
        try {
            Map<String, List<String>> settings = new TreeMap<>();
            for (Row row : owner.query("SELECT proname, coalesce(proconfig, '{}') AS config FROM pg_proc"
                    + " WHERE proname IN ('emit_events', 'claim_webhook_deliveries', 'record_webhook_attempts')"
                    + " AND pronamespace = 'public'::regnamespace").executeAndAwait()) {
                settings.put(row.getString("proname"), List.of(row.getArrayOfStrings("config")));
            }
            assertEquals(Map.of("emit_events", PLANNED_FOR_INDEXES, "claim_webhook_deliveries", PLANNED_FOR_INDEXES,
                    "record_webhook_attempts", PLANNED_FOR_INDEXES), settings);
        } finally {
            owner.closeAndAwait();
        }
    }
}
