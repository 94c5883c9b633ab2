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
        RadiusServer.Sockets sockets = server.sockets();
        return HealthCheckResponse.named("radius").status(!config.enabled() || sockets.open() == sockets.bound())
                .withData("enabled", config.enabled()).withData("open_sockets", sockets.open())
                .withData("sockets", sockets.bound()).build();
    }
}
