package io.cellgate.audit;

import io.cellgate.common.Page;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.TENANT_ADMIN)
@Tag(name = "Audit")
@SecurityRequirement(name = "bearer")
public class AuditResource {
    @Inject
    AuditService audit;
    @Inject
    AuditExport export;
    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listAuditRecords", summary = "The tenant's audit trail, oldest first, with filters")
    public Uni<Page<AuditRecordView>> list(
            @QueryParam("from") @Parameter(description = "RFC 3339, inclusive") Instant from,
            @QueryParam("to") @Parameter(description = "RFC 3339, exclusive") Instant to,
            @QueryParam("subject") String subject,
            @QueryParam("action") @Parameter(description = "operationId, e.g. activateSim") String action,
            @QueryParam("target") @Parameter(description = "path prefix, e.g. /api/v1/sims/8949") String target,
            @QueryParam("outcome") @Pattern(regexp = "success|refused|failed", message = "success, refused or failed")
            String outcome,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @QueryParam("cursor") String cursor) {
        return audit.list(new AuditService.Filter(caller.tenantId(), from, to, subject, action, target, outcome),
                limit, cursor);
    }

    @GET
    @Path("/verify")
    @Operation(operationId = "verifyAuditTrail", summary = "Recompute the tenant's hash chain and report the first break")
    public Uni<AuditVerification> verify() {
        return audit.verify(caller.tenantId());
    }

    @GET
    @Path("/export")
    @Produces(AuditExport.JSON_LINES)
    @Operation(operationId = "exportAuditRecords", summary = "Stream the matching trail as JSON Lines, oldest first")
    public Multi<AuditRecordView> exportJsonLines(
            @QueryParam("from") Instant from,
            @QueryParam("to") Instant to,
            @QueryParam("subject") String subject,
            @QueryParam("action") String action,
            @QueryParam("target") String target,
            @QueryParam("outcome") @Pattern(regexp = "success|refused|failed", message = "success, refused or failed")
            String outcome) {
        return export.jsonLines(new AuditService.Filter(caller.tenantId(), from, to, subject, action, target, outcome));
    }

    @GET
    @Path("/export/csv")
    @Produces(AuditExport.CSV)
    @Operation(operationId = "exportAuditRecordsCsv", summary = "Stream the matching trail as CSV, oldest first")
    public Multi<String> exportCsv(
            @QueryParam("from") Instant from,
            @QueryParam("to") Instant to,
            @QueryParam("subject") String subject,
            @QueryParam("action") String action,
            @QueryParam("target") String target,
            @QueryParam("outcome") @Pattern(regexp = "success|refused|failed", message = "success, refused or failed")
            String outcome) {
        return export.csv(new AuditService.Filter(caller.tenantId(), from, to, subject, action, target, outcome));
    }
}
