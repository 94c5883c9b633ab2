package io.cellgate.sim.rest;

import io.cellgate.common.web.ClientKeys;
import io.cellgate.common.web.IdempotencyKeys;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.cellgate.job.JobView;
import io.cellgate.sim.bulk.BulkActionRequest;
import io.cellgate.sim.bulk.SimBulkActions;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sims/bulk-actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR})
@Tag(name = "SIMs")
@SecurityRequirement(name = "bearer")
public class SimBulkActionResource {
    @Inject
    SimBulkActions bulk;
    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "createBulkAction", summary = "Apply a lifecycle action to many SIMs as a job",
            description = "Up to 100,000 SIMs, listed or selected by filter. Answers 202 with the job; follow it at"
                    + " /api/v1/jobs/{id}. Failures of single SIMs are recorded on the job and do not stop the others."
                    + " A retry with the same Idempotency-Key returns the same job.")
    @APIResponse(responseCode = "202", description = "Job accepted (or the existing job for this Idempotency-Key)",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    public Uni<Response> submit(
            @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = ClientKeys.MAX_LENGTH)
            @Pattern(regexp = ClientKeys.PATTERN, message = ClientKeys.RULE)
            @Parameter(description = IdempotencyKeys.DESCRIPTION) String idempotencyKey,
            @NotNull @Valid BulkActionRequest body) {
        return bulk.submit(caller.actor(), body, idempotencyKey)
                .map(job -> Response.accepted(job).location(URI.create("/api/v1/jobs/" + job.id())).build());
    }
}
