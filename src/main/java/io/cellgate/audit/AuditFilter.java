package io.cellgate.audit;

import io.cellgate.common.Actor;
import io.cellgate.common.Origin;
import io.cellgate.common.web.RequestGuard;
import io.cellgate.common.web.RequestOrigin;
import io.cellgate.identity.Caller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The HTTP safety net of the trail. Every mutating API request gets one record, and so does every carrier-ops
 * request, reads included: carrier ops work across tenants, and looking into a tenant's data is recorded like changing
 * it. Successful changes are recorded by their own transaction ({@link AuditedWrites}); everything else (refusals,
 * hostile input, failures, changes outside the database such as the identity provider's, carrier-ops reads) is
 * recorded here once the response is known, with what was sent escaped ({@link RequestGuard}).
 */
public class AuditFilter {
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String CARRIER_OPS_PATHS = "/api/v1/admin/";

    @Inject
    AuditContext context;
    @Inject
    RequestOrigin request;
    @Inject
    CurrentIdentityAssociation identities;
    @Inject
    AuditLog log;
    @Inject
    Pool pool;
    /** Off only to measure what the trail costs (bench/trust-overhead.sh); never in production. */
    @ConfigProperty(name = "cellgate.audit.enabled", defaultValue = "true")
    boolean enabled;

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext ignored, ContainerResponseContext response) {
        Origin origin = request.get();
        if (origin == null) {
            return Uni.createFrom().voidItem();
        }
        if (RequestGuard.echoable(origin.requestId())) {
            response.getHeaders().putSingle(RequestGuard.REQUEST_ID, origin.requestId());
        }
        int status = response.getStatus();
        if (!isAudited(origin) || (context.isRecorded() && status < 400)) {
            return Uni.createFrom().voidItem();
        }
        String outcome = status < 400 ? "success" : status >= 500 ? "failed" : "refused";
        return identities.getDeferredIdentity().onFailure().recoverWithNull()
                .map(identity -> identity == null ? Actor.anonymous(origin) : Caller.actorOf(identity, origin))
                .flatMap(actor -> log.append(pool, actor, context.concernedTenant(), null, outcome, status));
    }

    private boolean isAudited(Origin origin) {
        return enabled && origin.target().startsWith("/api/")
                && (MUTATING.contains(origin.method()) || origin.target().startsWith(CARRIER_OPS_PATHS));
    }
}
