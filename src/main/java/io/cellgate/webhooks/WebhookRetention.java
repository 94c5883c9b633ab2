package io.cellgate.webhooks;

import io.cellgate.common.Actor;
import io.cellgate.common.db.ScopedDatabase;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deliveries and their attempts are kept as long as the events ({@code cellgate.events.retention}, default 30 days).
 * Every hour, on every replica, older ones are deleted oldest first, {@value #BATCH} per short transaction: the oldest
 * deliveries by number, as many of them as are past the retention (numbers follow the order deliveries were queued
 * in, so the sweep stops at the first batch that holds a newer one, without an index on their age).
 */
@ApplicationScoped
public class WebhookRetention {
    private static final Actor KEEPER = Actor.Work.RETENTION.actor();
    private static final int BATCH = 10_000;
    private static final String DELIVERIES = "DELETE FROM webhook_deliveries WHERE id IN (SELECT o.id FROM"
            + " (SELECT id, created_at FROM webhook_deliveries ORDER BY id LIMIT " + BATCH
            + " FOR UPDATE SKIP LOCKED) o WHERE o.created_at < $1)";

    @ConfigProperty(name = "cellgate.events.retention", defaultValue = "30d")
    Duration retention;
    @Inject
    ScopedDatabase db;

    @Scheduled(every = "1h", delayed = "3m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return before(Instant.now().minus(retention)).replaceWithVoid();
    }

    /** Deletes the deliveries queued before {@code before}, with their attempts; answers how many. */
    Uni<Long> before(Instant before) {
        return db.deleteInBatches(KEEPER.allTenants(), DELIVERIES, BATCH, Tuple.of(before.atOffset(ZoneOffset.UTC)));
    }
}
