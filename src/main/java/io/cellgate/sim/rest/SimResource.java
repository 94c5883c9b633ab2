package io.cellgate.sim.rest;

import io.cellgate.common.Page;
import io.cellgate.common.PageRequest;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.json.JsonMergePatch;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.web.IfMatch;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.cellgate.sim.SimAction;
import io.cellgate.sim.SimFilter;
import io.cellgate.sim.SimHistoryEntry;
import io.cellgate.sim.SimService;
import io.cellgate.sim.SimStatus;
import io.cellgate.sim.SimUpdate;
import io.cellgate.sim.SimView;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sims")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR, Roles.TENANT_VIEWER})
@Tag(name = "SIMs")
@SecurityRequirement(name = "bearer")
public class SimResource {
    private static final String STATE_CONFLICT =
            "The SIM's state does not allow this action; lists current_status and allowed_actions";

    @Inject
    SimService sims;
    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listSims", summary = "List the tenant's SIMs, ordered by ICCID, with filters")
    public Uni<Page<SimView>> list(
            @QueryParam("status") SimStatus status,
            @QueryParam("iccid_prefix") @Pattern(regexp = "^[0-9]{1,20}$", message = "must be 1 to 20 digits")
            @Size(max = 20) String iccidPrefix,
            @QueryParam("label") @Size(max = 64)
            @Parameter(description = "key:value; repeat for several labels (all must match)",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SimFilter.LabelSelector.class, maxItems = 64)) List<String> label,
            @Valid @BeanParam PageRequest page) {
        SimFilter filter = new SimFilter(status, iccidPrefix, SimFilter.parseLabelParams(label));
        return sims.list(caller.actor(), filter, page.limit(), page.cursor());
    }

    @GET
    @Path("/{iccid}")
    @Operation(operationId = "getSim", summary = "Get one SIM")
    @APIResponse(responseCode = "200", description = "The SIM",
            content = @Content(schema = @Schema(implementation = SimView.class)),
            headers = @Header(name = "ETag", description = "Version for If-Match",
                    schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> get(@PathParam("iccid") Iccid iccid) {
        return sims.get(caller.actor(), iccid).map(SimResource::withEtag);
    }

    @PATCH
    @Path("/{iccid}")
    @Consumes({MediaType.APPLICATION_JSON, JsonMergePatch.MEDIA_TYPE})
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR})
    @Operation(operationId = "updateSim", summary = "Rename or relabel a SIM (JSON merge patch; needs If-Match)")
    @APIResponse(responseCode = "200", description = "The updated SIM",
            content = @Content(schema = @Schema(implementation = SimView.class)),
            headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> update(@PathParam("iccid") Iccid iccid,
                                @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true,
                                        description = IfMatch.DESCRIPTION) String ifMatch,
                                @NotNull SimUpdate body) {
        return sims.update(caller.actor(), iccid, body, ifMatch).map(SimResource::withEtag);
    }

    @POST
    @Path("/{iccid}/activate")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR})
    @APIResponse(responseCode = "409", description = STATE_CONFLICT)
    @APIResponse(responseCode = "200", description = "The SIM, active")
    @Operation(operationId = "activateSim", summary = "Activate a ready SIM")
    public Uni<SimView> activate(@PathParam("iccid") Iccid iccid) {
        return sims.transition(caller.actor(), iccid, SimAction.ACTIVATE);
    }

    @POST
    @Path("/{iccid}/suspend")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR})
    @APIResponse(responseCode = "409", description = STATE_CONFLICT)
    @APIResponse(responseCode = "200", description = "The SIM, suspended")
    @Operation(operationId = "suspendSim", summary = "Suspend an active SIM")
    public Uni<SimView> suspend(@PathParam("iccid") Iccid iccid) {
        return sims.transition(caller.actor(), iccid, SimAction.SUSPEND);
    }

    @POST
    @Path("/{iccid}/resume")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR})
    @APIResponse(responseCode = "409", description = STATE_CONFLICT)
    @APIResponse(responseCode = "200", description = "The SIM, active again")
    @Operation(operationId = "resumeSim", summary = "Resume a suspended SIM")
    public Uni<SimView> resume(@PathParam("iccid") Iccid iccid) {
        return sims.transition(caller.actor(), iccid, SimAction.RESUME);
    }

    @POST
    @Path("/{iccid}/terminate")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @APIResponse(responseCode = "409", description = STATE_CONFLICT)
    @APIResponse(responseCode = "200", description = "The SIM, terminated")
    @Operation(operationId = "terminateSim", summary = "Terminate a ready or suspended SIM (final)",
            description = "Terminated is final. The body repeats the ICCID to confirm.")
    public Uni<SimView> terminate(@PathParam("iccid") Iccid iccid, @NotNull @Valid TerminateRequest body) {
        if (!iccid.equals(body.confirmIccid())) {
            throw ProblemException.invalid("confirm_iccid", "must equal the ICCID in the path");
        }
        return sims.transition(caller.actor(), iccid, SimAction.TERMINATE);
    }

    @GET
    @Path("/{iccid}/history")
    @Operation(operationId = "getSimHistory", summary = "The SIM's lifecycle transitions, oldest first")
    public Uni<Page<SimHistoryEntry>> history(@PathParam("iccid") Iccid iccid,
                                              @Valid @BeanParam PageRequest page) {
        return sims.history(caller.actor(), iccid, page.limit(), page.cursor());
    }

    private static Response withEtag(SimView sim) {
        return Response.ok(sim).header(HttpHeaders.ETAG, sim.etag()).build();
    }
}
