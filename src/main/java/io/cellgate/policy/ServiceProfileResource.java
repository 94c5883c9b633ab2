package io.cellgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cellgate.common.Page;
import io.cellgate.common.PageRequest;
import io.cellgate.common.json.JsonMergePatch;
import io.cellgate.common.web.IfMatch;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
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

@Path("/api/v1/service-profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR, Roles.TENANT_VIEWER})
@Tag(name = "Policy")
@SecurityRequirement(name = "bearer")
public class ServiceProfileResource {
    @Inject
    ServiceProfileService profiles;
    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listServiceProfiles", summary = "The tenant's service profiles, ordered by name")
    public Uni<Page<ServiceProfileView>> list(@Valid @BeanParam PageRequest page) {
        return profiles.list(caller.actor(), page.limit(), page.cursor());
    }

    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    @APIResponse(responseCode = "409", description = "The tenant has a profile of this name")
    @Operation(operationId = "createServiceProfile", summary = "Create a service profile")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            schema = @Schema(implementation = ServiceProfileView.class)), headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> create(@NotNull @Valid CreateServiceProfileRequest body) {
        return profiles.create(caller.actor(), body).map(profile -> Response
                .created(URI.create("/api/v1/service-profiles/" + profile.id())).entity(profile)
                .header(HttpHeaders.ETAG, profile.etag()).build());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getServiceProfile", summary = "Get a service profile")
    @APIResponse(responseCode = "200", description = "The profile", content = @Content(
            schema = @Schema(implementation = ServiceProfileView.class)), headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return profiles.get(caller.actor(), id).map(ServiceProfileResource::withEtag);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, JsonMergePatch.MEDIA_TYPE})
    @RolesAllowed(Roles.TENANT_ADMIN)
    @APIResponse(responseCode = "409", description = "The tenant has a profile of this name")
    @Operation(operationId = "updateServiceProfile", summary = "Change a profile (JSON merge patch; needs If-Match)",
            description = "Every SIM on the profile follows at once. Members set to null in `policy` fall back to the"
                    + " defaults. Setting is_default moves the default from the previous profile; clearing it leaves the"
                    + " tenant without a default profile (SIMs without a profile of their own then follow the"
                    + " built-in defaults).")
    @RequestBody(content = @Content(schema = @Schema(implementation = CreateServiceProfileRequest.class)))
    @APIResponse(responseCode = "200", description = "The updated profile", content = @Content(
            schema = @Schema(implementation = ServiceProfileView.class)), headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> update(@PathParam("id") UUID id,
                                @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true,
                                        description = IfMatch.DESCRIPTION) String ifMatch,
                                @NotNull JsonNode body) {
        return profiles.update(caller.actor(), id, body, ifMatch).map(ServiceProfileResource::withEtag);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @APIResponse(responseCode = "409", description = "SIMs use the profile, or it is the default")
    @Operation(operationId = "deleteServiceProfile", summary = "Delete an unused, non-default profile (needs If-Match)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("id") UUID id,
                                @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true,
                                        description = IfMatch.DESCRIPTION) String ifMatch) {
        return profiles.delete(caller.actor(), id, ifMatch).map(done -> Response.noContent().build());
    }

    private static Response withEtag(ServiceProfileView profile) {
        return Response.ok(profile).header(HttpHeaders.ETAG, profile.etag()).build();
    }
}
