package io.cellgate.ip;

import io.cellgate.audit.AuditContext;
import io.cellgate.common.Page;
import io.cellgate.common.PageRequest;
import io.cellgate.common.id.TenantId;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/ip-pools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CARRIER_OPS)
@Tag(name = "Admin: IP pools")
@SecurityRequirement(name = "bearer", scopes = Roles.CARRIER_OPS)
public class AdminIpPoolResource {
    @Inject
    IpPoolService pools;
    @Inject
    Caller caller;
    @Inject
    AuditContext audit;

    @POST
    @APIResponse(responseCode = "409", description = "The network overlaps another pool (pools-overlap names it)")
    @Operation(operationId = "createIpPool", summary = "Give a tenant a private IPv4 pool",
            description = "Pools never overlap (409 pools-overlap names the other pool).")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = IpPoolView.class)))
    public Uni<Response> create(@NotNull @Valid CreateIpPoolRequest body) {
        return pools.create(caller.actor(), body).map(created -> Response.created(URI.create("/api/v1/admin/ip-pools/" + created.id()))
                .entity(created).build());
    }

    @GET
    @Operation(operationId = "listAllIpPools", summary = "All IP pools with usage, optionally of one tenant")
    public Uni<Page<IpPoolView>> list(@QueryParam("tenant_id") TenantId tenantId,
                                      @Valid @BeanParam PageRequest page) {
        return pools.list(caller.actor(), tenantId, page.limit(), page.cursor());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAnyIpPool", summary = "An IP pool with usage")
    public Uni<IpPoolView> get(@PathParam("id") UUID id) {
        return pools.get(caller.actor(), id).invoke(pool -> audit.concernsTenant(pool.tenantId()));
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "409", description = "SIMs hold addresses of the pool")
    @Operation(operationId = "deleteIpPool", summary = "Delete a pool that holds no assigned address")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return pools.delete(caller.actor(), id).map(done -> Response.noContent().build());
    }
}
