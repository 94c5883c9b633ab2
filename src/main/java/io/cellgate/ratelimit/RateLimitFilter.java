package io.cellgate.ratelimit;

import io.cellgate.common.problem.Problem;
import io.cellgate.common.problem.ProblemMappers;
import io.cellgate.common.problem.ProblemType;
import io.cellgate.common.id.TenantId;
import io.cellgate.identity.Caller;
import io.cellgate.tenant.QuotaBreaches;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every authenticated tenant call takes a token from the tenant's bucket. Over the limit: 429 with Retry-After;
 * always: the IETF RateLimit-Policy and RateLimit headers. A refusal is announced to the tenant ({@link QuotaBreaches}). Carrier-ops calls carry no tenant and are not limited here.
 */
public class RateLimitFilter {
    static final String POLICY = "RateLimit-Policy";
    static final String LIMIT = "RateLimit";

    @Inject
    CurrentIdentityAssociation identities;
    @Inject
    RateLimiter limiter;
    @Inject
    QuotaBreaches breaches;
    @Inject
    MeterRegistry metrics;
    /** Off only to measure what the limit costs (bench/trust-overhead.sh); never in production. */
    @ConfigProperty(name = "cellgate.rate-limit.enabled", defaultValue = "true")
    boolean enabled;

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        if (!enabled || !request.getUriInfo().getPath().startsWith("/api/")
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().onFailure().recoverWithNull().flatMap(identity -> {
            if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                    || token.getClaim(Caller.TENANT_CLAIM) == null) {
                return Uni.createFrom().nullItem();
            }
            String tenant = token.getClaim(Caller.TENANT_CLAIM).toString();
            return limiter.take(tenant).map(decision -> {
                // On the Vert.x response, so that streamed answers, which skip the response filters, carry them too.
                http.response().headers().set(POLICY, decision.policyHeader()).set(LIMIT, decision.limitHeader());
                if (decision.allowed()) {
                    return null;
                }
                // a tenant's id as label: bounded by the tenants the deployment has
                metrics.counter("cellgate.rate_limit.rejected", "tenant",
                        TenantId.error(tenant) == null ? tenant : "invalid").increment();
                if (TenantId.error(tenant) == null) {
                    breaches.refused(TenantId.parse(tenant), QuotaBreaches.Quota.API_REQUESTS_PER_SECOND,
                            Map.of("limit", (long) decision.rate()));
                }
                Problem problem = Problem.of(ProblemType.RATE_LIMITED, "The tenant's API limit of " + (long) decision.rate()
                        + " requests per second (burst " + (long) decision.burst() + ") is used up; retry after "
                        + decision.retryAfterSeconds() + " s", request.getUriInfo().getPath(), Map.of());
                return Response.fromResponse(ProblemMappers.respond(problem))
                        .header(HttpHeaders.RETRY_AFTER, decision.retryAfterSeconds())
                        .build();
            });
        });
    }
}
