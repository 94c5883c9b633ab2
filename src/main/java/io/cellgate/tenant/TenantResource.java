package io.cellgate.tenant;

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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CARRIER_OPS)
@Tag(name = "Admin: tenants")
@SecurityRequirement(name = "bearer", scopes = Roles.CARRIER_OPS)
public class TenantResource {
    @Inject
    TenantService tenants;
    @Inject
    TenantOnboarding onboarding;
    @Inject
    Caller caller;
    @Inject
    AuditContext audit;

    @POST
    @APIResponse(responseCode = "409", description = "A tenant with this id exists")
    @APIResponse(responseCode = "503", description = "The identity provider could not create the first admin; no tenant was created")
    @Operation(operationId = "createTenant", summary = "Create a tenant, optionally with its first admin",
            description = "With first_admin, the admin is created in the identity provider (one-time password in the"
                    + " answer, TOTP required at first login); if that fails, no tenant is created (503).")
    @APIResponse(responseCode = "201", description = "Tenant created",
            content = @Content(schema = @Schema(implementation = TenantView.class)))
    public Uni<Response> create(@NotNull @Valid CreateTenantRequest body) {
        return onboarding.create(caller.actor(), body).map(tenant ->
                Response.created(URI.create("/api/v1/admin/tenants/" + tenant.id())).entity(tenant).build());
    }

    @GET
    @Operation(operationId = "listTenants", summary = "List tenants, ordered by id")
    public Uni<Page<TenantView>> list(@QueryParam("status") TenantStatus status,
                                @Valid @BeanParam PageRequest page) {
        return tenants.list(caller.actor(), status, page.limit(), page.cursor());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTenant", summary = "Get a tenant")
    public Uni<TenantView> get(@PathParam("id") TenantId id) {
        audit.concernsTenant(id);
        return tenants.get(caller.actor(), id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "updateTenant", summary = "Update a tenant's name, status or quotas",
            description = "A suspended tenant can still read its data but cannot change anything.")
    public Uni<TenantView> update(@PathParam("id") TenantId id, @NotNull @Valid UpdateTenantRequest body) {
        return tenants.update(caller.actor(), id, body);
    }
}
