package io.cellgate.audit;

import io.cellgate.identity.Caller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every mutating request gets one audit record, and so does every carrier-ops request, reads included: carrier ops
 * work in the all-tenants data scope, and looking into tenants' data is recorded like changing it. Successful changes are recorded inside their own transaction (see
 * {@link AuditedWrites}); everything else (refusals, failures, changes outside the database) is recorded here, after
 * the response is known.
 */
public class AuditFilter {
    static final String REQUEST_ID = "X-Request-Id";
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String CARRIER_OPS_PATHS = "/api/v1/admin/";

    @Inject
    AuditContext context;
    @Inject
    CurrentIdentityAssociation identities;
    @Inject
    AuditLog log;
    @Inject
    Pool pool;
    /** Off only to measure what the trail costs (bench/trust-overhead.sh); never in production. */
    @ConfigProperty(name = "cellgate.audit.enabled", defaultValue = "true")
    boolean enabled;

    @ServerRequestFilter(preMatching = false)
    public Uni<Void> describe(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        return describeRequest(request, resource, http);
    }

    /**
     * Writes the record of a request that no transaction recorded. A request refused by the security checks never
     * reached {@link #describe}, so it is described here.
     */
    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource,
                            HttpServerRequest http) {
        Uni<Void> described = context.isAudited() || context.requestId() != null ? Uni.createFrom().voidItem()
                : describeRequest(request, resource, http);
        return described.flatMap(v -> {
            response.getHeaders().putSingle(REQUEST_ID, context.requestId());
            if (!context.isAudited() || (context.isRecorded() && response.getStatus() < 400)) {
                return Uni.createFrom().voidItem();
            }
            int status = response.getStatus();
            String outcome = status < 400 ? "success" : status >= 500 ? "failed" : "refused";
            return log.append(pool, context, outcome, status);
        });
    }

    private Uni<Void> describeRequest(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        String requestId = request.getHeaderString(REQUEST_ID);
        context.requestId(requestId != null && requestId.length() <= 100 ? requestId : UUID.randomUUID().toString());
        String path = request.getUriInfo().getPath();
        if (!enabled || !path.startsWith("/api/") || !MUTATING.contains(request.getMethod()) && !path.startsWith(CARRIER_OPS_PATHS)) {
            return Uni.createFrom().voidItem();
        }
        Operation operation = resource == null || resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(Operation.class);
        context.describe(request.getMethod(), path,
                operation != null ? operation.operationId() : request.getMethod() + " " + path,
                http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(),
                truncate(request.getHeaderString(HttpHeaders.USER_AGENT)));
        return identities.getDeferredIdentity().onFailure().recoverWithNull().invoke(identity -> {
            if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token) {
                Object tenant = token.getClaim(Caller.TENANT_CLAIM);
                context.identify(subject(token), tenant == null ? null : tenant.toString(),
                        identity.getRoles().stream().sorted().toList(), Caller.amrHasOtp(token));
            }
        }).replaceWithVoid();
    }

    private static String subject(JsonWebToken token) {
        String username = token.getClaim("preferred_username");
        return username != null ? username : token.getSubject();
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 300 ? value : value.substring(0, 300);
    }
}
