package io.cellgate.network.smpp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The bind to the SMSC, shown in readiness. It does not make the replica unready: while the SMSC is away the API still
 * queues messages, and they are submitted once it is back (alert on cellgate_smpp_bound instead).
 */
@Readiness
@ApplicationScoped
public class SmppHealth implements HealthCheck {
    @Inject
    SmppConfig config;
    @Inject
    SmscLink link;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("smsc").up().withData("enabled", config.enabled())
                .withData("bound", config.enabled() && link.isBound())
                .withData("address", config.host() + ":" + config.port()).build();
    }
}
