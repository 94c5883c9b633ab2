package io.cellgate.sim.rest;

import io.cellgate.audit.AuditContext;
import io.cellgate.common.Page;
import io.cellgate.common.PageRequest;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.cellgate.sim.SimFilter;
import io.cellgate.sim.SimStatus;
import io.cellgate.sim.SimView;
import io.cellgate.sim.stock.AssignRequest;
import io.cellgate.sim.stock.SimImportRow;
import io.cellgate.sim.stock.SimStockService;
import io.cellgate.sim.stock.StockChange;
import io.cellgate.sim.stock.UnassignRequest;
import io.cellgate.sim.store.SimRepository;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/sims")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CARRIER_OPS)
@Tag(name = "Admin: SIM stock")
@SecurityRequirement(name = "bearer", scopes = Roles.CARRIER_OPS)
public class AdminSimResource {
    static final String CSV = "text/csv";

    @Inject
    SimStockService stock;
    @Inject
    SimRepository sims;
    @Inject
    Caller caller;
    @Inject
    AuditContext audit;

    @POST
    @Path("/import")
    @Consumes({MediaType.APPLICATION_JSON, CSV})
    @APIResponse(responseCode = "409", description = "A concurrent import took some of these SIMs")
    @Operation(operationId = "importSims", summary = "Import SIMs into stock (JSON array or CSV, up to 100,000)",
            description = "All or nothing: any invalid row or duplicate (in the file or already known) rejects the"
                    + " whole import with a problem listing each offending row (numbered from 1) and field.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SimImportRow.class, maxItems = 100_000)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, maxLength = 33_554_432),
                    examples = @ExampleObject(name = "csv", value = "iccid,imsi,msisdn,label:batch\n"
                            + "89490200001234567894,262011234567890,+4917012345678,2026-11\n"))})
    @APIResponse(responseCode = "201", description = "All SIMs imported",
            content = @Content(schema = @Schema(implementation = StockChange.class)))
    public Uni<Response> importSims(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body)
            throws IOException {
        List<SimImportRow> rows = stock.parse(contentType != null && contentType.startsWith(CSV), body);
        return stock.importSims(caller.actor(), rows)
                .map(result -> Response.status(Response.Status.CREATED).entity(result).build());
    }

    @POST
    @Path("/assign")
    @APIResponse(responseCode = "409", description = "SIMs not in stock (listed), the tenant's SIM quota, or a concurrent change")
    @APIResponse(responseCode = "200", description = "What changed in the stock")
    @Operation(operationId = "assignSims", summary = "Assign SIMs in stock to a tenant (list or ICCID range)",
            description = "A list is all or nothing: if any SIM is unknown or not in stock, nothing moves and the"
                    + " problem lists them. A range assigns every SIM in stock inside it.")
    public Uni<StockChange> assign(@NotNull @Valid AssignRequest body) {
        return stock.assign(caller.actor(), body);
    }

    @POST
    @Path("/unassign")
    @APIResponse(responseCode = "409", description = "SIMs that are not ready (listed), or a concurrent change")
    @APIResponse(responseCode = "200", description = "What changed in the stock")
    @Operation(operationId = "unassignSims", summary = "Return never-used (ready) SIMs to stock",
            description = "All or nothing. The SIM keeps nothing of the tenant: name, labels, service profile and policy"
                    + " overrides are cleared and its static IP goes back to the tenant's pool; its history stays with"
                    + " the tenant.")
    public Uni<StockChange> unassign(@NotNull @Valid UnassignRequest body) {
        return stock.unassign(caller.actor(), body);
    }

    @GET
    @Operation(operationId = "listAllSims", summary = "List SIMs across tenants and stock, ordered by ICCID")
    public Uni<Page<SimView>> list(
            @QueryParam("tenant_id") TenantId tenantId,
            @QueryParam("status") SimStatus status,
            @QueryParam("iccid_prefix") @Pattern(regexp = "^[0-9]{1,20}$", message = "must be 1 to 20 digits")
            @Size(max = 20) String iccidPrefix,
            @QueryParam("label") @Size(max = 64) @Parameter(description = "key:value; repeat for several labels",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SimFilter.LabelSelector.class, maxItems = 64))
            List<String> label,
            @Valid @BeanParam PageRequest page) {
        SimFilter filter = new SimFilter(status, iccidPrefix, SimFilter.parseLabelParams(label));
        return sims.listAcrossTenants(caller.actor(), tenantId, filter, page.limit(), page.cursor());
    }

    @GET
    @Path("/{iccid}")
    @Operation(operationId = "getAnySim", summary = "Get any SIM, in stock or with a tenant")
    public Uni<SimView> get(@PathParam("iccid") Iccid iccid) {
        return sims.getAnywhere(caller.actor(), iccid).invoke(sim -> audit.concernsTenant(sim.tenantId()));
    }
}
