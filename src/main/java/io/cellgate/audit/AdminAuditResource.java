package io.cellgate.audit;

import io.cellgate.common.Actor;
import io.cellgate.common.Page;
import io.cellgate.common.PageRequest;
import io.cellgate.common.id.TenantId;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CARRIER_OPS)
@Tag(name = "Admin: audit")
@SecurityRequirement(name = "bearer", scopes = Roles.CARRIER_OPS)
public class AdminAuditResource {
    @Inject
    AuditService audit;
    @Inject
    AuditExport export;
    @Inject
    Caller caller;
    @Inject
    RequestRecords records;

    @GET
    @Operation(operationId = "listAllAuditRecords", summary = "The audit trail of every tenant, oldest first")
    public Uni<Page<AuditRecordView>> list(
            @QueryParam("tenant_id") TenantId tenantId,
            @Valid @BeanParam AuditQuery query,
            @Valid @BeanParam PageRequest page) {
        return audit.list(query.acrossTenants(caller.actor(), tenantId), page.limit(), page.cursor());
    }

    @GET
    @Path("/verify")
    @Operation(operationId = "verifyAllAuditTrails", summary = "Recompute one chain (chain=<tenant> or *) or all of them")
    public Uni<List<AuditVerification>> verify(
            @QueryParam("chain") @Pattern(regexp = AuditVerification.CHAIN_PATTERN, message = "a tenant id or *")
            @Size(max = 63) String chain) {
        Actor actor = caller.actor();
        Uni<List<String>> chains = chain != null ? Uni.createFrom().item(List.of(chain)) : audit.chains(actor);
        return chains.onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(each -> audit.verify(actor.allTenants(), each)).collect()
                .asList();
    }

    @GET
    @Path("/export")
    @Produces(AuditExport.JSON_LINES)
    @Operation(operationId = "exportAllAuditRecords", summary = "Stream the matching trail as JSON Lines, oldest first")
    public Multi<AuditRecordView> exportJsonLines(
            @QueryParam("tenant_id") TenantId tenantId,
            @Valid @BeanParam AuditQuery query) {
        return records.beforeStreaming(export.jsonLines(query.acrossTenants(caller.actor(), tenantId)));
    }

    @GET
    @Path("/export/csv")
    @Produces(AuditExport.CSV)
    @APIResponse(responseCode = "200", description = "CSV: a header row, then one row per record",
            content = @Content(mediaType = AuditExport.CSV, schema = @Schema(type = SchemaType.STRING)))
    @Operation(operationId = "exportAllAuditRecordsCsv", summary = "Stream the matching trail as CSV, oldest first")
    public Multi<String> exportCsv(
            @QueryParam("tenant_id") TenantId tenantId,
            @Valid @BeanParam AuditQuery query) {
        return records.beforeStreaming(export.csv(query.acrossTenants(caller.actor(), tenantId)));
    }
}
