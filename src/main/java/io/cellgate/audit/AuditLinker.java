package io.cellgate.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Links new audit records into their hash chains every second, on every replica (the chain heads' row locks keep
 * them from linking twice). Writers never wait for the chain; records are chained within about a second. After each
 * round, how long the oldest record still unlinked has waited is the gauge cellgate_audit_unlinked_oldest_seconds.
 */
@ApplicationScoped
public class AuditLinker {
    @Inject
    AuditService audit;
    @Inject
    MeterRegistry registry;
    private final AtomicReference<Double> unlinkedAge = new AtomicReference<>(0.0);

    @PostConstruct
    void gauge() {
        Gauge.builder("cellgate.audit.unlinked_oldest", unlinkedAge, AtomicReference::get).baseUnit("seconds")
                .description("How long the oldest audit record not yet in its hash chain has waited")
                .register(registry);
    }

    @Scheduled(every = "${cellgate.audit.link-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> link() {
        return audit.link().flatMap(linked -> audit.unlinkedAge()).invoke(unlinkedAge::set).replaceWithVoid();
    }
}
