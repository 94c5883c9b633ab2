package io.cellgate.events;

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
 * Events are kept for {@code cellgate.events.retention} (default 30 days). Every hour, on every replica, older ones are
 * deleted oldest first in batches of {@value #BATCH}, each its own short transaction, so that a backlog never holds
 * locks for long (replicas deleting at once skip each other's rows).
 */
@ApplicationScoped
public class EventRetention {
    private static final Actor KEEPER = Actor.Work.RETENTION.actor();
    private static final int BATCH = 10_000;
    private static final String EVENTS = "DELETE FROM events WHERE id IN (SELECT id FROM events WHERE at < $1"
            + " ORDER BY at LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED)";

    @ConfigProperty(name = "cellgate.events.retention", defaultValue = "30d")
    Duration retention;
    @Inject
    ScopedDatabase db;

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return before(Instant.now().minus(retention)).replaceWithVoid();
    }

    /** Deletes the events that happened before {@code before}; answers how many. */
    Uni<Long> before(Instant before) {
        return db.deleteInBatches(KEEPER.allTenants(), EVENTS, BATCH, Tuple.of(before.atOffset(ZoneOffset.UTC)));
    }
}
