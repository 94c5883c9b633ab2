package io.cellgate.events;

import io.cellgate.common.Actor;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.TenantId;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Wakes the readers waiting for a tenant's next events (long polls, streams) when it has new ones. While anyone waits,
 * every {@value #LOOK_EVERY_MS} ms one short query asks which tenants have events past the last position seen, on
 * every replica alike (writers announce nothing: see emit_events). A woken reader reads again.
 */
@ApplicationScoped
public class EventSignals {
    private static final Logger LOG = Logger.getLogger(EventSignals.class);
    private static final Actor WATCH = Actor.Work.EVENT_WATCH.actor();
    static final long LOOK_EVERY_MS = 200;
    private static final String NEW = "SELECT tenant_id, max(position) AS last FROM events WHERE position > $1"
            + " GROUP BY tenant_id";

    @Inject
    ScopedDatabase db;
    @Inject
    Vertx vertx;

    private final Map<String, Set<Runnable>> waiting = new ConcurrentHashMap<>();
    private final AtomicBoolean looking = new AtomicBoolean();
    private volatile long seen = -1;
    private long ticks;

    void start(@Observes StartupEvent event) {
        ticks = vertx.setPeriodic(LOOK_EVERY_MS, tick -> look());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(ticks);
    }

    /** Completes with true when the tenant has new events, or with false after {@code max}. */
    Uni<Boolean> next(TenantId tenant, Duration max) {
        return Uni.createFrom().emitter(emitter -> {
            Set<Runnable> readers = waiting.computeIfAbsent(tenant.value(), t -> ConcurrentHashMap.newKeySet());
            Runnable wake = () -> emitter.complete(true);
            readers.add(wake);
            long timer = vertx.setTimer(Math.max(1, max.toMillis()), t -> emitter.complete(false));
            emitter.onTermination(() -> {
                readers.remove(wake);
                vertx.cancelTimer(timer);
            });
        });
    }

    private void look() {
        boolean anyoneWaits = waiting.values().stream().anyMatch(readers -> !readers.isEmpty());
        if ((!anyoneWaits && seen >= 0) || !looking.compareAndSet(false, true)) {
            return;
        }
        String sql = seen < 0 ? "SELECT NULL AS tenant_id, coalesce(max(position), 0) AS last FROM events" : NEW;
        db.query(WATCH.allTenants(), sql, seen < 0 ? Tuple.tuple() : Tuple.of(seen)).subscribe().with(rows -> {
            long last = seen;
            for (Row row : rows) {
                last = Math.max(last, row.getLong("last"));
                Set<Runnable> readers = row.getString("tenant_id") == null ? null
                        : waiting.get(row.getString("tenant_id"));
                if (readers != null) {
                    readers.forEach(Runnable::run);
                }
            }
            seen = last;
            looking.set(false);
        }, e -> {
            looking.set(false);
            LOG.warnf("events: new events could not be looked for (%s)", e.getMessage());
        });
    }
}
