package io.cellgate.identity;

import io.cellgate.common.Page;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

@Path("/api/v1/service-accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.TENANT_ADMIN)
@Blocking
@Tag(name = "Identity")
@APIResponse(responseCode = "503", description = "The identity provider is not available; retry after Retry-After seconds")
@SecurityRequirement(name = "bearer")
public class ServiceAccountResource {
    @Inject
    ServiceAccounts accounts;
    @Inject
    Caller caller;

    @POST
    @APIResponse(responseCode = "409", description = "The tenant has a service account of this name")
    @Operation(operationId = "createServiceAccount", summary = "Create a service account for a backend of the tenant",
            description = "Answers with the client secret, shown only now. Tokens come from the realm's token endpoint"
                    + " with grant_type=client_credentials; they carry the tenant and the chosen roles, and can never"
                    + " make MFA-only calls.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ServiceAccountView.class)))
    public Response create(@NotNull @Valid CreateServiceAccountRequest body) {
        ServiceAccountView account = accounts.create(caller.actor().requireTenant(), body);
        return Response.created(URI.create("/api/v1/service-accounts/" + account.id())).entity(account).build();
    }

    @GET
    @APIResponse(responseCode = "200", description = "A page of the tenant's service accounts")
    @Operation(operationId = "listServiceAccounts", summary = "The tenant's service accounts")
    public Page<ServiceAccountView> list() {
        return accounts.list(caller.actor().requireTenant());
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The service account")
    @Operation(operationId = "getServiceAccount", summary = "One of the tenant's service accounts")
    public ServiceAccountView get(@PathParam("id") UUID id) {
        return accounts.get(caller.actor().requireTenant(), id.toString());
    }

    @POST
    @Path("/{id}/rotate-secret")
    @APIResponse(responseCode = "200", description = "The service account with its new secret, shown this once")
    @Operation(operationId = "rotateServiceAccountSecret", summary = "Replace the secret; the old one stops working")
    public ServiceAccountView rotate(@PathParam("id") UUID id) {
        return accounts.rotateSecret(caller.actor().requireTenant(), id.toString());
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeServiceAccount", summary = "Revoke a service account: no new tokens")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("id") UUID id) {
        accounts.revoke(caller.actor().requireTenant(), id.toString());
        return Response.noContent().build();
    }
}
