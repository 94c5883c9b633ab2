package io.cellgate.ip;

import io.cellgate.common.id.Iccid;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sims")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR})
@Tag(name = "Static IPs")
@SecurityRequirement(name = "bearer")
public class SimIpResource {
    @Inject
    SimIpService addresses;
    @Inject
    Caller caller;

    @GET
    @Path("/{iccid}/ip-address")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR, Roles.TENANT_VIEWER})
    @Operation(operationId = "getSimIpAddress", summary = "The SIM's static IP (404 when it has none)")
    public Uni<SimIpAddressView> get(@PathParam("iccid") Iccid iccid) {
        return addresses.get(caller.actor(), iccid);
    }

    @PUT
    @Path("/{iccid}/ip-address")
    @APIResponse(responseCode = "200", description = "The SIM's address")
    @APIResponse(responseCode = "409", description = "pool-exhausted, address-in-use, or a terminated SIM")
    @Operation(operationId = "assignSimIpAddress", summary = "Give the SIM a static IP: a chosen one or the next free",
            description = "Replaces the SIM's current address, if any. A full pool answers 409 pool-exhausted, a taken"
                    + " address 409 address-in-use.")
    public Uni<SimIpAddressView> assign(@PathParam("iccid") Iccid iccid, @NotNull AssignIpRequest body) {
        return addresses.assign(caller.actor(), iccid, body);
    }

    @DELETE
    @Path("/{iccid}/ip-address")
    @Operation(operationId = "releaseSimIpAddress", summary = "Release the SIM's static IP")
    @APIResponse(responseCode = "204", description = "Released")
    public Uni<Response> release(@PathParam("iccid") Iccid iccid) {
        return addresses.release(caller.actor(), iccid).map(done -> Response.noContent().build());
    }
}
