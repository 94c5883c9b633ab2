package io.cellgate.audit;

import io.cellgate.common.DataScope;
import io.cellgate.common.Page;
import io.cellgate.identity.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CARRIER_OPS)
@Tag(name = "Admin: audit")
@SecurityRequirement(name = "bearer")
public class AdminAuditResource {
    @Inject
    AuditService audit;
    @Inject
    AuditExport export;

    @GET
    @Operation(operationId = "listAllAuditRecords", summary = "The audit trail of every tenant, oldest first")
    public Uni<Page<AuditRecordView>> list(
            @QueryParam("tenant_id") String tenantId,
            @Valid @BeanParam AuditQuery query,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @QueryParam("cursor") String cursor) {
        return audit.list(query.acrossTenants(tenantId), limit, cursor);
    }

    @GET
    @Path("/verify")
    @Operation(operationId = "verifyAllAuditTrails", summary = "Recompute one chain (chain=<tenant> or *) or all of them")
    public Uni<List<AuditVerification>> verify(@QueryParam("chain") String chain) {
        Uni<List<String>> chains = chain != null ? Uni.createFrom().item(List.of(chain)) : audit.chains();
        return chains.onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(each -> audit.verify(DataScope.ALL_TENANTS, each)).collect().asList();
    }

    @GET
    @Path("/export")
    @Produces(AuditExport.JSON_LINES)
    @Operation(operationId = "exportAllAuditRecords", summary = "Stream the matching trail as JSON Lines, oldest first")
    public Multi<AuditRecordView> exportJsonLines(
            @QueryParam("tenant_id") String tenantId,
            @Valid @BeanParam AuditQuery query) {
        return export.jsonLines(query.acrossTenants(tenantId));
    }

    @GET
    @Path("/export/csv")
    @Produces(AuditExport.CSV)
    @Operation(operationId = "exportAllAuditRecordsCsv", summary = "Stream the matching trail as CSV, oldest first")
    public Multi<String> exportCsv(
            @QueryParam("tenant_id") String tenantId,
            @Valid @BeanParam AuditQuery query) {
        return export.csv(query.acrossTenants(tenantId));
    }
}
