package io.cellgate.audit;

import io.cellgate.common.web.RequestGuard;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The HTTP safety net of the trail: once an answer is known, the request's record is written unless an audited
 * transaction wrote it ({@link RequestRecords}): refusals, hostile input (recorded escaped, {@link RequestGuard}),
 * failures, changes outside the database such as the identity provider's, and carrier-ops reads.
 */
public class AuditFilter {
    @Inject
    RequestRecords records;

    @ServerResponseFilter
    public Uni<Void> record(ContainerResponseContext response) {
        return records.record(response.getStatus());
    }
}
