package io.cellgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.json.JsonMergePatch;
import io.cellgate.common.problem.FieldError;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.web.IfMatch;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sims")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR})
@Tag(name = "Policy")
@SecurityRequirement(name = "bearer")
public class SimPolicyResource {
    @Inject
    SimPolicyService policies;
    @Inject
    Caller caller;

    @GET
    @Path("/{iccid}/policy")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR, Roles.TENANT_VIEWER})
    @Operation(operationId = "getSimPolicy", summary = "The SIM's effective policy and where each value comes from")
    @APIResponse(responseCode = "200", description = "The effective policy", content = @Content(
            schema = @Schema(implementation = SimPolicyView.class)), headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> get(@PathParam("iccid") Iccid iccid) {
        return policies.get(caller.actor(), iccid).map(SimPolicyResource::withEtag);
    }

    @PATCH
    @Path("/{iccid}/policy")
    @Consumes({MediaType.APPLICATION_JSON, JsonMergePatch.MEDIA_TYPE})
    @Operation(operationId = "updateSimPolicy", summary = "Move the SIM to a profile or change its overrides",
            description = "JSON merge patch; needs If-Match with the SIM's ETag.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SimPolicyUpdate.class)))
    @APIResponse(responseCode = "200", description = "The new effective policy", content = @Content(
            schema = @Schema(implementation = SimPolicyView.class)), headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> update(@PathParam("iccid") Iccid iccid,
                                @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true,
                                        description = IfMatch.DESCRIPTION) String ifMatch,
                                @NotNull JsonNode body) {
        return policies.update(caller.actor(), iccid, body, ifMatch).map(SimPolicyResource::withEtag);
    }

    @PUT
    @Path("/{iccid}/imei-lock")
    @Operation(operationId = "setImeiLock", summary = "Set the SIM's own IMEI lock (needs If-Match)",
            description = "locked to an IMEI, lock_on_first_use (the first IMEI the network sees becomes the lock),"
                    + " or off (unlocked, whatever the profile says).")
    @APIResponse(responseCode = "200", description = "The new effective policy", content = @Content(
            schema = @Schema(implementation = SimPolicyView.class)), headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> lock(@PathParam("iccid") Iccid iccid,
                              @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true,
                                      description = IfMatch.DESCRIPTION) String ifMatch,
                              @NotNull PolicyDocument.ImeiLock body) {
        if (body.mode() == null) {
            throw ProblemException.invalid("mode", "required: off, locked or lock_on_first_use");
        }
        String imeiError = body.mode() == PolicyDocument.ImeiLockMode.LOCKED ? PolicyValidator.imeiError(body.imei())
                : body.imei() != null ? "only with mode locked" : null;
        if (imeiError != null) {
            throw ProblemException.invalid(List.of(FieldError.of("imei", imeiError)));
        }
        return policies.setImeiLock(caller.actor(), iccid, body, ifMatch).map(SimPolicyResource::withEtag);
    }

    @DELETE
    @Path("/{iccid}/imei-lock")
    @Operation(operationId = "releaseImeiLock", summary = "Remove the SIM's own IMEI lock setting (needs If-Match)",
            description = "The SIM follows its profile's IMEI lock (or the default, off) again. To unlock a SIM whose"
                    + " profile locks it, PUT mode off.")
    @APIResponse(responseCode = "200", description = "The new effective policy", content = @Content(
            schema = @Schema(implementation = SimPolicyView.class)), headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> release(@PathParam("iccid") Iccid iccid,
                                 @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true,
                                         description = IfMatch.DESCRIPTION) String ifMatch) {
        return policies.removeImeiLock(caller.actor(), iccid, ifMatch).map(SimPolicyResource::withEtag);
    }

    private static Response withEtag(SimPolicyView policy) {
        return Response.ok(policy).header(HttpHeaders.ETAG, policy.etag()).build();
    }
}
