package io.cellgate.usage;

import io.cellgate.common.Page;
import io.cellgate.common.PageRequest;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CARRIER_OPS)
@Tag(name = "Admin: data sessions")
@SecurityRequirement(name = "bearer", scopes = Roles.CARRIER_OPS)
public class AdminSessionResource {
    @Inject
    SessionQueries sessions;
    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listAllSessions", summary = "Data sessions of every tenant, newest first, with filters")
    public Uni<Page<SessionView>> list(@QueryParam("tenant_id") TenantId tenantId,
                                       @QueryParam("iccid") Iccid iccid,
                                       @QueryParam("live") @Parameter(description = "true: live sessions only;"
                                               + " false: stopped ones only") Boolean live,
                                       @Valid @BeanParam PageRequest page) {
        return sessions.all(caller.actor(), tenantId, iccid, live, page.limit(), page.cursor());
    }
}
