package io.cellgate.network.radius;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** This replica's RADIUS sockets (authentication and accounting): a replica whose sockets are closed cannot serve. */
@Readiness
@ApplicationScoped
public class RadiusHealth implements HealthCheck {
    @Inject
    RadiusConfig config;
    @Inject
    RadiusServer server;

    @Override
    public HealthCheckResponse call() {
        int[] sockets = server.openSockets();
        return HealthCheckResponse.named("radius").status(!config.enabled() || sockets[0] == sockets[1])
                .withData("enabled", config.enabled()).withData("open_sockets", sockets[0])
                .withData("sockets", sockets[1]).build();
    }
}
