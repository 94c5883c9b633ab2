package io.cellgate.identity;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether the identity provider answers its discovery document, probed in the background. Shown in /q/health (and
 * /q/health/well) and as cellgate_identity_provider_up, never in readiness: tokens keep verifying from cached keys
 * while it is away, and only user management needs it (answering 503), so an identity provider that hangs must not
 * take every replica out of service.
 */
@Wellness
@ApplicationScoped
public class IdentityProviderHealth implements HealthCheck {
    @Inject
    Vertx vertx;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;
    private HttpClient client;
    private volatile Probe last = new Probe(false, null, "not probed yet", null);

    /** One probe's outcome: the discovery document's HTTP status, or why there was none. */
    record Probe(boolean up, Integer httpStatus, String error, Instant at) {
    }

    @PostConstruct
    void start() {
        client = vertx.createHttpClient();
        Gauge.builder("cellgate.identity_provider.up", this, health -> health.last.up() ? 1 : 0)
                .description("1 while the identity provider answers its discovery document").register(registry);
    }

    @Scheduled(every = "${cellgate.identity.probe-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> probe() {
        String discovery = realmUrl + "/.well-known/openid-configuration";
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(discovery).setTimeout(2000);
        return client.request(options)
                .flatMap(request -> request.send())
                .flatMap(response -> response.body().map(Buffer::length).map(length -> response.statusCode()))
                .ifNoItem().after(Duration.ofSeconds(3)).fail()
                .map(status -> new Probe(status == 200, status, null, Instant.now()))
                .onFailure().recoverWithItem(e -> new Probe(false, null, String.valueOf(e.getMessage()), Instant.now()))
                .invoke(probe -> last = probe)
                .replaceWithVoid();
    }

    @Override
    public HealthCheckResponse call() {
        Probe probe = last;
        var response = HealthCheckResponse.named("identity-provider").status(probe.up()).withData("url", realmUrl);
        if (probe.httpStatus() != null) {
            response.withData("http_status", probe.httpStatus());
        }
        if (probe.error() != null) {
            response.withData("error", probe.error());
        }
        if (probe.at() != null) {
            response.withData("probed_at", probe.at().toString());
        }
        return response.build();
    }
}
