package io.cellgate.audit;

import io.cellgate.common.DataScope;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters every audit listing and export takes, as query parameters. */
public class AuditQuery {
    @QueryParam("from")
    @Parameter(description = "RFC 3339, inclusive")
    Instant from;

    @QueryParam("to")
    @Parameter(description = "RFC 3339, exclusive")
    Instant to;

    @QueryParam("subject")
    String subject;

    @QueryParam("action")
    @Parameter(description = "operationId, e.g. activateSim")
    String action;

    @QueryParam("target")
    @Parameter(description = "path prefix, e.g. /api/v1/sims/8949")
    String target;

    @QueryParam("outcome")
    @Pattern(regexp = "success|refused|failed", message = "success, refused or failed")
    String outcome;

    /** A tenant's own trail. */
    AuditService.Filter forTenant(String tenantId) {
        return new AuditService.Filter(DataScope.tenant(tenantId), tenantId, from, to, subject, action, target, outcome);
    }

    /** Carrier ops: every trail, or one tenant's. */
    AuditService.Filter acrossTenants(String tenantIdOrNull) {
        return new AuditService.Filter(DataScope.ALL_TENANTS, tenantIdOrNull, from, to, subject, action, target,
                outcome);
    }
}
