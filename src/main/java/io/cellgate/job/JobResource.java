package io.cellgate.job;

import io.cellgate.common.Page;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR, Roles.TENANT_VIEWER})
@Tag(name = "Jobs")
@SecurityRequirement(name = "bearer")
public class JobResource {
    @Inject
    JobStore jobs;
    @Inject
    Caller caller;

    @GET
    @Path("/{id}")
    @Operation(operationId = "getJob", summary = "Progress of a job, with its first failures")
    public Uni<JobView> get(@PathParam("id") UUID id) {
        return jobs.get(caller.tenantId(), id);
    }

    @GET
    @Path("/{id}/failures")
    @Operation(operationId = "listJobFailures", summary = "All failures of a job, ordered by target")
    public Uni<Page<JobFailure>> failures(@PathParam("id") UUID id,
                                          @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
                                          @QueryParam("cursor") String cursor) {
        return jobs.failures(caller.tenantId(), id, limit, cursor);
    }
}
