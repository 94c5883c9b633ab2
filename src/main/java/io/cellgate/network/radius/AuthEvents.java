package io.cellgate.network.radius;

import io.cellgate.common.Actor;
import io.cellgate.common.Origin;
import io.cellgate.ports.DataSessionPort;
import io.cellgate.ports.DataSessionPort.Rejection;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Refused Access-Requests on their way to the tenants' auth events: gathered in memory and written in batches, so that
 * a storm of rejects (a device retrying in a loop) costs one statement per batch and never slows the answers. The
 * buffer is bounded: what does not fit is counted as dropped, never queued without end.
 */
@ApplicationScoped
public class AuthEvents {
    private static final Logger LOG = Logger.getLogger(AuthEvents.class);
    private static final Actor WRITER = Actor.networkFunction("radius-auth-events", Origin.system("radius-auth-events"));
    private static final int MAX_BUFFERED = 10_000;
    private static final int BATCH = 1_000;
    private static final long FLUSH_EVERY_MS = 200;

    @Inject
    Vertx vertx;
    @Inject
    DataSessionPort sessions;
    @Inject
    RadiusMetrics metrics;

    private List<Rejection> buffered = new ArrayList<>();
    private boolean writing;

    synchronized void add(Rejection rejection) {
        if (buffered.size() >= MAX_BUFFERED) {
            metrics.dropped("auth", "auth_event_buffer_full");
            return;
        }
        buffered.add(rejection);
    }

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(FLUSH_EVERY_MS, timer -> flush());
    }

    void flush() {
        List<Rejection> batch;
        synchronized (this) {
            if (writing || buffered.isEmpty()) {
                return;
            }
            batch = buffered.size() <= BATCH ? buffered : new ArrayList<>(buffered.subList(0, BATCH));
            buffered = buffered.size() <= BATCH ? new ArrayList<>() : new ArrayList<>(buffered.subList(BATCH,
                    buffered.size()));
            writing = true;
        }
        sessions.rejected(WRITER, batch).subscribe().with(done -> written(), e -> {
            LOG.warnf("%d auth events could not be written (%s); retrying", batch.size(), e.getMessage());
            synchronized (this) {
                buffered.addAll(0, batch.subList(0, Math.min(batch.size(), MAX_BUFFERED - buffered.size())));
            }
            written();
        });
    }

    private synchronized void written() {
        writing = false;
    }
}
