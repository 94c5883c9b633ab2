package io.cellgate.audit;

import io.cellgate.common.Page;
import io.cellgate.common.PageRequest;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
            @Valid @BeanParam AuditQuery query,
            @Valid @BeanParam PageRequest page) {
        return audit.list(query.forTenant(caller.actor()), page.limit(), page.cursor());
    }

    @GET
    @Path("/verify")
    @Operation(operationId = "verifyAuditTrail", summary = "Recompute the tenant's hash chain and report the first break")
    public Uni<AuditVerification> verify() {
        return audit.verify(caller.actor().scope(), caller.actor().requireTenant().value());
    }

    @GET
    @Path("/export")
    @Produces(AuditExport.JSON_LINES)
    @Operation(operationId = "exportAuditRecords", summary = "Stream the matching trail as JSON Lines, oldest first")
    public Multi<AuditRecordView> exportJsonLines(
            @Valid @BeanParam AuditQuery query) {
        return export.jsonLines(query.forTenant(caller.actor()));
    }

    @GET
    @Path("/export/csv")
    @Produces(AuditExport.CSV)
    @APIResponse(responseCode = "200", description = "CSV: a header row, then one row per record",
            content = @Content(mediaType = AuditExport.CSV, schema = @Schema(type = SchemaType.STRING)))
    @Operation(operationId = "exportAuditRecordsCsv", summary = "Stream the matching trail as CSV, oldest first")
    public Multi<String> exportCsv(
            @Valid @BeanParam AuditQuery query) {
        return export.csv(query.forTenant(caller.actor()));
    }
}
