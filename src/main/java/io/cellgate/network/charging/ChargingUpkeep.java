package io.cellgate.network.charging;

import io.cellgate.common.Actor;
import io.cellgate.common.Origin;
import io.cellgate.ports.ChargingPort;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Releases the charging sessions whose network function stopped reporting: their reservations already count no more
 * once expired (so no units are held); this ends the sessions themselves.
 */
@ApplicationScoped
public class ChargingUpkeep {
    private static final Logger LOG = Logger.getLogger(ChargingUpkeep.class);
    private static final Actor UPKEEP = Actor.networkFunction("charging-upkeep", Origin.system("charging-upkeep"));

    @Inject
    ChargingPort charging;
    @Inject
    ChargingConfig config;

    @Scheduled(every = "${cellgate.charging.upkeep-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> releaseIdle() {
        return charging.releaseIdle(UPKEEP, config.idleRelease()).invoke(released -> {
            if (released > 0) {
                LOG.infof("online charging: released %d sessions idle for %s", released, config.idleRelease());
            }
        }).onFailure().invoke(e -> LOG.warnf("online charging: idle sessions not released (%s)", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
