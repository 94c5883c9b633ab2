package io.cellgate.charging;

import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/rating-groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CARRIER_OPS)
@Tag(name = "Admin: online charging")
@SecurityRequirement(name = "bearer", scopes = Roles.CARRIER_OPS)
public class RatingGroupResource {
    @Inject
    RatingGroupService groups;
    @Inject
    Caller caller;

    @Schema(name = "RatingGroupList")
    public record RatingGroupList(@Schema(maxItems = 100000) List<RatingGroupView> items) {
    }

    @PUT
    @Path("/{ratingGroup}")
    @APIResponse(responseCode = "200", description = "The rating group as it now is")
    @Operation(operationId = "putRatingGroup", summary = "Say what a rating group counts",
            description = "Requests of online charging for a rating group that is not configured are answered"
                    + " RATING_FAILED.")
    public Uni<RatingGroupView> put(@PathParam("ratingGroup") @Min(0) @Max(4294967295L) long ratingGroup,
                                    @NotNull @Valid RatingGroupRequest body) {
        return groups.put(caller.actor(), ratingGroup, body);
    }

    @GET
    @Operation(operationId = "listRatingGroups", summary = "The configured rating groups")
    public Uni<RatingGroupList> list() {
        return groups.list(caller.actor()).map(RatingGroupList::new);
    }

    @DELETE
    @Path("/{ratingGroup}")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Operation(operationId = "deleteRatingGroup", summary = "Stop counting a rating group")
    public Uni<Response> delete(@PathParam("ratingGroup") @Min(0) @Max(4294967295L) long ratingGroup) {
        return groups.delete(caller.actor(), ratingGroup).map(done -> Response.noContent().build());
    }
}
