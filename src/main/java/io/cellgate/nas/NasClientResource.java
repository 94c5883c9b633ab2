package io.cellgate.nas;

import io.cellgate.common.Page;
import io.cellgate.common.PageRequest;
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

@Path("/api/v1/admin/nas-clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CARRIER_OPS)
@Tag(name = "Admin: NAS clients")
@SecurityRequirement(name = "bearer", scopes = Roles.CARRIER_OPS)
public class NasClientResource {
    @Inject
    NasClientService clients;
    @Inject
    Caller caller;

    @POST
    @APIResponse(responseCode = "409", description = "The source overlaps another NAS client's (nas-sources-overlap), or"
            + " the name is taken")
    @Operation(operationId = "createNasClient", summary = "Register a packet gateway as a RADIUS client",
            description = "The answer carries the shared secret, this once; it is stored encrypted. Every replica's"
                    + " RADIUS server answers the new client within a second.")
    @APIResponse(responseCode = "201", description = "Created, with the secret",
            content = @Content(schema = @Schema(implementation = NasClientView.class)))
    public Uni<Response> create(@NotNull @Valid CreateNasClientRequest body) {
        return clients.create(caller.actor(), body).map(created -> Response.created(
                URI.create("/api/v1/admin/nas-clients/" + created.id())).entity(created).build());
    }

    @GET
    @Operation(operationId = "listNasClients", summary = "The registered NAS clients, by name")
    public Uni<Page<NasClientView>> list(@Valid @BeanParam PageRequest page) {
        return clients.list(caller.actor(), page.limit(), page.cursor());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getNasClient", summary = "A NAS client (never its secret)")
    public Uni<NasClientView> get(@PathParam("id") UUID id) {
        return clients.get(caller.actor(), id);
    }

    @PATCH
    @Path("/{id}")
    @APIResponse(responseCode = "409", description = "The source overlaps another NAS client's, or the name is taken")
    @APIResponse(responseCode = "200", description = "The NAS client as changed")
    @Operation(operationId = "updateNasClient", summary = "Change a NAS client's name, source, CoA port or state",
            description = "A disabled client's packets are dropped as from an unknown source.")
    public Uni<NasClientView> update(@PathParam("id") UUID id, @NotNull @Valid UpdateNasClientRequest body) {
        return clients.update(caller.actor(), id, body);
    }

    @POST
    @Path("/{id}/secret")
    @Operation(operationId = "rotateNasClientSecret", summary = "Give a NAS client a new shared secret",
            description = "The old secret stops working at once; the answer carries the new one, this once.")
    public Uni<NasClientView> rotateSecret(@PathParam("id") UUID id, @Valid RotateSecretRequest body) {
        return clients.rotateSecret(caller.actor(), id, body == null ? null : body.secret());
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "409", description = "The client has accounted sessions: disable it instead")
    @Operation(operationId = "deleteNasClient", summary = "Delete a NAS client that never accounted a session")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return clients.delete(caller.actor(), id).map(done -> Response.noContent().build());
    }
}
