package io.cellgate.audit;

import io.cellgate.common.Actor;
import io.cellgate.common.id.TenantId;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    @Size(max = 255)
    String subject;

    @QueryParam("action")
    @Size(max = 100)
    @Parameter(description = "operationId, e.g. activateSim")
    String action;

    @QueryParam("target")
    @Size(max = 2000)
    @Parameter(description = "path prefix, e.g. /api/v1/sims/8949")
    String target;

    @QueryParam("outcome")
    @Pattern(regexp = "^(success|refused|failed)$", message = "success, refused or failed")
    @Parameter(description = "success, refused or failed",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"success", "refused", "failed"}))
    String outcome;

    /** The actor's own tenant's trail. */
    AuditService.Filter forTenant(Actor actor) {
        return new AuditService.Filter(actor.scope(), actor.requireTenant(), from, to, subject, action, target, outcome);
    }

    /** Carrier ops: every trail, or one tenant's. */
    AuditService.Filter acrossTenants(Actor actor, TenantId tenantOrNull) {
        return new AuditService.Filter(actor.allTenants(), tenantOrNull, from, to, subject, action, target, outcome);
    }
}
