package io.cellgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cellgate.common.ProblemException;
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
    public Uni<Response> get(@PathParam("iccid") String iccid) {
        return policies.get(caller.tenantId(), iccid).map(SimPolicyResource::withEtag);
    }

    @PATCH
    @Path("/{iccid}/policy")
    @Consumes({MediaType.APPLICATION_JSON, ServiceProfileResource.MERGE_PATCH})
    @Operation(operationId = "updateSimPolicy", summary = "Move the SIM to a profile or change its overrides",
            description = "JSON merge patch; needs If-Match with the SIM's ETag (428 without, 412 when stale).")
    @RequestBody(content = @Content(schema = @Schema(implementation = SimPolicyUpdate.class)))
    @APIResponse(responseCode = "200", description = "The new effective policy", content = @Content(
            schema = @Schema(implementation = SimPolicyView.class)), headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> update(@PathParam("iccid") String iccid,
                                @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true) String ifMatch,
                                @NotNull JsonNode body) {
        return policies.update(caller.tenantId(), iccid, body, ifMatch).map(SimPolicyResource::withEtag);
    }

    @PUT
    @Path("/{iccid}/imei-lock")
    @Operation(operationId = "setImeiLock", summary = "Lock the SIM to an IMEI, or to the first IMEI it is used in")
    @APIResponse(responseCode = "200", description = "The new effective policy", content = @Content(
            schema = @Schema(implementation = SimPolicyView.class)), headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> lock(@PathParam("iccid") String iccid,
                              @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "optional ETag") String ifMatch,
                              @NotNull PolicyDocument.ImeiLock body) {
        if (body.mode() == null || body.mode() == PolicyDocument.ImeiLockMode.OFF) {
            throw ProblemException.invalid("mode", "locked or lock_on_first_use (to release the lock, DELETE it)");
        }
        String imeiError = body.mode() == PolicyDocument.ImeiLockMode.LOCKED ? PolicyValidator.Imeis.error(body.imei())
                : body.imei() != null ? "only with mode locked" : null;
        if (imeiError != null) {
            throw ProblemException.invalid("imei", imeiError);
        }
        return policies.setImeiLock(caller.tenantId(), iccid, body, ifMatch).map(SimPolicyResource::withEtag);
    }

    @DELETE
    @Path("/{iccid}/imei-lock")
    @Operation(operationId = "releaseImeiLock", summary = "Release the SIM's IMEI lock (mode off for this SIM)")
    @APIResponse(responseCode = "200", description = "The new effective policy", content = @Content(
            schema = @Schema(implementation = SimPolicyView.class)), headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> release(@PathParam("iccid") String iccid,
                                 @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "optional ETag")
                                 String ifMatch) {
        return policies.setImeiLock(caller.tenantId(), iccid,
                new PolicyDocument.ImeiLock(PolicyDocument.ImeiLockMode.OFF, null), ifMatch)
                .map(SimPolicyResource::withEtag);
    }

    private static Response withEtag(SimPolicyView policy) {
        return Response.ok(policy).header(HttpHeaders.ETAG, policy.etag()).build();
    }
}
