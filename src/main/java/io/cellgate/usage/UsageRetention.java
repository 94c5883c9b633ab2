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
 * What the data path leaves is kept for a while: refused access requests for
 * {@code cellgate.usage.auth-events-retention} (default 30 days), stopped sessions for
 * {@code cellgate.usage.sessions-retention} (default 90 days); usage counters are kept. Every hour, on every replica,
 * older rows are deleted oldest first in batches of {@value #BATCH}, each its own short transaction, so that a backlog
 * never holds locks for long (replicas deleting at once skip each other's rows).
 */
@ApplicationScoped
public class UsageRetention {
    private static final Actor KEEPER = Actor.Work.RETENTION.actor();
    private static final int BATCH = 10_000;
    private static final String AUTH_EVENTS = "DELETE FROM auth_events WHERE id IN (SELECT id FROM auth_events"
            + " WHERE at < $1 ORDER BY at LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED)";
    /**
     * A session closed as stale may still report (its row keeps counting): it goes only once it has been silent past
     * the retention too, or its next report would start a new row and count its whole cumulative usage again.
     */
    private static final String SESSIONS = "DELETE FROM data_sessions WHERE id IN (SELECT id FROM data_sessions"
            + " WHERE stopped_at < $1 AND updated_at < $1 ORDER BY stopped_at LIMIT " + BATCH
            + " FOR UPDATE SKIP LOCKED)";

    @ConfigProperty(name = "cellgate.usage.auth-events-retention", defaultValue = "30d")
    Duration authEventsRetention;
    @ConfigProperty(name = "cellgate.usage.sessions-retention", defaultValue = "90d")
    Duration sessionsRetention;
    @Inject
    ScopedDatabase db;

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        Instant now = Instant.now();
        return authEventsBefore(now.minus(authEventsRetention))
                .flatMap(removed -> sessionsStoppedBefore(now.minus(sessionsRetention))).replaceWithVoid();
    }

    /** Deletes the auth events recorded before {@code before}; answers how many. */
    Uni<Long> authEventsBefore(Instant before) {
        return deleteAll(AUTH_EVENTS, before);
    }

    /** Deletes the sessions that stopped before {@code before}; answers how many. */
    Uni<Long> sessionsStoppedBefore(Instant before) {
        return deleteAll(SESSIONS, before);
    }

    private Uni<Long> deleteAll(String batch, Instant before) {
        return db.deleteInBatches(KEEPER.allTenants(), batch, BATCH, Tuple.of(before.atOffset(ZoneOffset.UTC)));
    }
}
