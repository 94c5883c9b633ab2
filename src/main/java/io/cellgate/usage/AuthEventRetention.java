package io.cellgate.usage;

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
 * Refused access requests are kept for {@code cellgate.usage.auth-events-retention} (default 30 days). Every hour,
 * on every replica, older ones are deleted oldest first in batches of {@value #BATCH}, each its own short
 * transaction, so that a backlog never holds locks for long (replicas deleting at once skip each other's rows).
 */
@ApplicationScoped
public class AuthEventRetention {
    private static final Actor KEEPER = Actor.Work.RETENTION.actor();
    private static final int BATCH = 10_000;
    private static final String DELETE = "DELETE FROM auth_events WHERE id IN (SELECT id FROM auth_events"
            + " WHERE at < $1 ORDER BY id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED)";

    @ConfigProperty(name = "cellgate.usage.auth-events-retention", defaultValue = "30d")
    Duration retention;
    @Inject
    ScopedDatabase db;

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return deleteOlderThan(Instant.now().minus(retention)).replaceWithVoid();
    }

    /** Deletes the auth events recorded before {@code before}; answers how many. */
    Uni<Long> deleteOlderThan(Instant before) {
        return db.query(KEEPER.allTenants(), DELETE, Tuple.of(before.atOffset(ZoneOffset.UTC)))
                .flatMap(rows -> rows.rowCount() < BATCH ? Uni.createFrom().item((long) rows.rowCount())
                        : deleteOlderThan(before).map(more -> more + rows.rowCount()));
    }
}
