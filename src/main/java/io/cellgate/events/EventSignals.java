package io.cellgate.events;

import io.cellgate.common.db.DatabaseChannels;
import io.cellgate.common.id.TenantId;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes the readers waiting for a tenant's next events (long polls, streams) when the database announces that the
 * tenant has new ones (channel events, on commit, from every replica). A reader woken this way reads again; an
 * announcement lost while the channel reconnected wakes every reader.
 */
@ApplicationScoped
public class EventSignals {
    static final String CHANNEL = "events";

    @Inject
    DatabaseChannels channels;
    @Inject
    Vertx vertx;

    private final Map<String, Set<Runnable>> waiting = new ConcurrentHashMap<>();

    void start(@Observes StartupEvent event) {
        channels.listen(CHANNEL, this::announced, this::wakeAll);
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

    private void announced(String tenant) {
        Set<Runnable> readers = waiting.get(tenant);
        if (readers != null) {
            readers.forEach(Runnable::run);
        }
    }

    private void wakeAll() {
        waiting.values().forEach(readers -> readers.forEach(Runnable::run));
    }
}
