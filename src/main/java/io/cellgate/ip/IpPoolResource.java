package io.cellgate.ip;

import io.cellgate.common.Page;
import io.cellgate.common.PageRequest;
import io.cellgate.common.web.ClientKeys;
import io.cellgate.common.web.IdempotencyKeys;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.cellgate.job.JobView;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/ip-pools")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR, Roles.TENANT_VIEWER})
@Tag(name = "Static IPs")
@SecurityRequirement(name = "bearer")
public class IpPoolResource {
    @Inject
    IpPoolService pools;
    @Inject
    IpBulkAssignments bulk;
    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listIpPools", summary = "The tenant's IP pools with usage")
    public Uni<Page<IpPoolView>> list(@Valid @BeanParam PageRequest page) {
        return pools.list(caller.actor(), null, page.limit(), page.cursor());
    }

    @POST
    @Path("/{id}/bulk-assignments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(operationId = "createBulkIpAssignment", summary = "Give many SIMs the pool's next free addresses, as a job",
            description = "Answers 202 with the job (follow it at /api/v1/jobs/{id}). SIMs already on this pool keep"
                    + " their address; SIMs on another pool move; when the pool runs out, the rest fail with"
                    + " pool_exhausted. A retry with the same Idempotency-Key returns the same job.")
    @APIResponse(responseCode = "202", description = "Job accepted",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    public Uni<Response> bulkAssign(@PathParam("id") UUID id,
                                    @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = ClientKeys.MAX_LENGTH)
                                    @Pattern(regexp = ClientKeys.PATTERN, message = ClientKeys.RULE)
                                    @Parameter(description = IdempotencyKeys.DESCRIPTION) String idempotencyKey,
                                    @NotNull @Valid BulkIpAssignmentRequest body) {
        return bulk.submit(caller.actor(), id, body, idempotencyKey)
                .map(job -> Response.accepted(job).location(URI.create("/api/v1/jobs/" + job.id())).build());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getIpPool", summary = "One of the tenant's IP pools with usage")
    public Uni<IpPoolView> get(@PathParam("id") UUID id) {
        return pools.get(caller.actor(), id);
    }
}
