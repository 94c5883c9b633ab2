package io.cellgate.identity;

import io.smallrye.health.api.AsyncHealthCheck;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the identity provider answers its discovery document: new signing keys and token checks depend on
 * it. (Tokens already seen keep verifying from cached keys while it is away.)
 */
@Readiness
@ApplicationScoped
public class IdentityProviderHealth implements AsyncHealthCheck {
    @Inject
    Vertx vertx;
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;
    private HttpClient client;

    @PostConstruct
    void createClient() {
        client = vertx.createHttpClient();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        String discovery = realmUrl + "/.well-known/openid-configuration";
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(discovery).setTimeout(2000);
        return client.request(options)
                .flatMap(request -> request.send())
                .flatMap(response -> response.body().map(Buffer::length).map(length -> response.statusCode()))
                .ifNoItem().after(Duration.ofSeconds(3)).fail()
                .map(status -> HealthCheckResponse.named("identity-provider").status(status == 200)
                        .withData("url", realmUrl).withData("http_status", status).build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("identity-provider").down()
                        .withData("url", realmUrl).withData("error", String.valueOf(e.getMessage())).build());
    }
}
