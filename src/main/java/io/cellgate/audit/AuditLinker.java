package io.cellgate.audit;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Links new audit records into their hash chains every second, on every replica (the chain heads' row locks keep
 * them from linking twice). Writers never wait for the chain; records are chained within about a second.
 */
@ApplicationScoped
public class AuditLinker {
    @Inject
    AuditService audit;

    @Scheduled(every = "${cellgate.audit.link-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> link() {
        return audit.link().replaceWithVoid();
    }
}
