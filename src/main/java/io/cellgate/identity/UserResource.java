package io.cellgate.identity;

import io.cellgate.common.Actor;
import io.cellgate.common.Page;
import io.cellgate.common.PageRequest;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/** Calls into the identity provider's admin API block, so these run on worker threads. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.TENANT_ADMIN)
@Blocking
@Tag(name = "Identity")
@APIResponse(responseCode = "503", description = "The identity provider is not available; retry after Retry-After seconds")
@SecurityRequirement(name = "bearer")
public class UserResource {
    @Inject
    TenantUsers users;
    @Inject
    Caller caller;

    @POST
    @APIResponse(responseCode = "409", description = "A user of this name or email exists")
    @Operation(operationId = "inviteUser", summary = "Invite a person to the tenant",
            description = "Answers with a one-time password (shown once); the user must change it and set up TOTP at"
                    + " the first login.")
    @APIResponse(responseCode = "201", description = "Invited",
            content = @Content(schema = @Schema(implementation = TenantUserView.class)))
    public Response invite(@NotNull @Valid InviteUserRequest body) {
        TenantUserView user = users.invite(caller.actor().requireTenant(), body);
        return Response.created(URI.create("/api/v1/users/" + user.id())).entity(user).build();
    }

    @GET
    @APIResponse(responseCode = "200", description = "A page of the tenant's users")
    @Operation(operationId = "listUsers", summary = "The tenant's users")
    public Page<TenantUserView> list(@Valid @BeanParam PageRequest page) {
        return users.list(caller.actor().requireTenant(), page.limit(), page.cursor());
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The user")
    @Operation(operationId = "getUser", summary = "One of the tenant's users")
    public TenantUserView get(@PathParam("id") UUID id) {
        return users.get(caller.actor().requireTenant(), id.toString());
    }

    @PATCH
    @Path("/{id}")
    @APIResponse(responseCode = "409", description = "You cannot disable yourself")
    @APIResponse(responseCode = "200", description = "The user as changed")
    @Operation(operationId = "updateUser", summary = "Change a user's roles, or disable or enable the user")
    public TenantUserView update(@PathParam("id") UUID id, @NotNull @Valid UpdateUserRequest body) {
        Actor actor = caller.actor();
        return users.update(actor.requireTenant(), id.toString(), body, actor.subject());
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "409", description = "You cannot remove yourself")
    @Operation(operationId = "removeUser", summary = "Remove a user from the tenant")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@PathParam("id") UUID id) {
        Actor actor = caller.actor();
        users.remove(actor.requireTenant(), id.toString(), actor.subject());
        return Response.noContent().build();
    }
}
