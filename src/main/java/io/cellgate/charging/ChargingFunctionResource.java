package io.cellgate.charging;

import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/charging-functions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CARRIER_OPS)
@Tag(name = "Admin: online charging")
@SecurityRequirement(name = "bearer", scopes = Roles.CARRIER_OPS)
public class ChargingFunctionResource {
    @Inject
    ChargingFunctionService functions;
    @Inject
    Caller caller;

    @Schema(name = "ChargingFunctionList")
    public record ChargingFunctionList(@Schema(maxItems = 10000) List<ChargingFunctionView> items) {
    }

    @POST
    @APIResponse(responseCode = "409", description = "The name or the client id is taken")
    @Operation(operationId = "createChargingFunction", summary = "Allow a network function to ask online charging",
            description = "The function gets its tokens from the identity provider with client credentials, as the"
                    + " client named here, which must have the realm role nf-charging.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = ChargingFunctionView.class)))
    public Uni<Response> create(@NotNull @Valid CreateChargingFunctionRequest body) {
        return functions.create(caller.actor(), body).map(created -> Response.created(
                URI.create("/api/v1/admin/charging-functions/" + created.id())).entity(created).build());
    }

    @GET
    @Operation(operationId = "listChargingFunctions", summary = "The registered charging functions, by name")
    public Uni<ChargingFunctionList> list() {
        return functions.list(caller.actor()).map(ChargingFunctionList::new);
    }

    @PATCH
    @Path("/{id}")
    @APIResponse(responseCode = "409", description = "The name is taken")
    @APIResponse(responseCode = "200", description = "The function as changed")
    @Operation(operationId = "updateChargingFunction", summary = "Rename, enable or disable a charging function")
    public Uni<ChargingFunctionView> update(@PathParam("id") UUID id,
                                            @NotNull @Valid UpdateChargingFunctionRequest body) {
        return functions.update(caller.actor(), id, body);
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "409", description = "The function has charging sessions: disable it instead")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Operation(operationId = "deleteChargingFunction", summary = "Delete a function that never opened a session")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return functions.delete(caller.actor(), id).map(done -> Response.noContent().build());
    }
}
