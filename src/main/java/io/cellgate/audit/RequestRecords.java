package io.cellgate.audit;

import io.cellgate.common.Origin;
import io.cellgate.common.web.RequestOrigin;
import io.cellgate.identity.Caller;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The records of HTTP requests that no audited transaction wrote: every mutating API request, and every carrier-ops
 * request, reads included (carrier ops work across tenants, and looking into a tenant's data is recorded like changing
 * it). {@link AuditFilter} writes them once the answer is known; a streamed answer (an export) leaves the filters
 * before it is written, so its record is written before its first item ({@link #beforeStreaming}).
 */
@ApplicationScoped
public class RequestRecords {
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String CARRIER_OPS_PATHS = "/api/v1/admin/";

    @Inject
    AuditContext context;
    @Inject
    RequestOrigin request;
    @Inject
    Caller caller;
    @Inject
    AuditLog log;
    @Inject
    Pool pool;
    /** Off only to measure what the trail costs (bench/trust-overhead.sh); never in production. */
    @ConfigProperty(name = "cellgate.audit.enabled", defaultValue = "true")
    boolean enabled;

    /** The record of the request being answered with {@code status}, unless its transaction wrote one already. */
    Uni<Void> record(int status) {
        Origin origin = request.get();
        if (origin == null || !isAudited(origin.method(), request.routedPath())
                || (context.isRecorded() && status < 400)) {
            return Uni.createFrom().voidItem();
        }
        context.markRecorded();
        String outcome = status < 400 ? "success" : status >= 500 ? "failed" : "refused";
        return caller.actorAsFarAsProved()
                .flatMap(actor -> log.append(pool, actor, context.concernedTenant(), null, outcome, status));
    }

    /** A streamed answer that starts once the request's record is written: no data leaves unrecorded. */
    public <T> Multi<T> beforeStreaming(Multi<T> stream) {
        return record(200).onItem().transformToMulti(written -> stream);
    }

    private boolean isAudited(String method, String path) {
        return enabled && path.startsWith("/api/") && (MUTATING.contains(method) || path.startsWith(CARRIER_OPS_PATHS));
    }
}
