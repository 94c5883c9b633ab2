package io.cellgate.job;

import io.cellgate.common.Page;
import io.cellgate.common.PageRequest;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
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
    @Operation(operationId = "listJobs", summary = "The tenant's jobs, newest first",
            description = "Without their failures; a job's own page has the first ones.")
    public Uni<Page<JobView>> list(@QueryParam("status") JobStatus status,
                                   @Valid @BeanParam PageRequest page) {
        return jobs.list(caller.actor(), status, page.limit(), page.cursor());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getJob", summary = "Progress of a job, with its first failures")
    public Uni<JobView> get(@PathParam("id") UUID id) {
        return jobs.get(caller.actor(), id);
    }

    @GET
    @Path("/{id}/failures")
    @Operation(operationId = "listJobFailures", summary = "All failures of a job, ordered by target")
    public Uni<Page<JobFailure>> failures(@PathParam("id") UUID id,
                                          @Valid @BeanParam PageRequest page) {
        return jobs.failures(caller.actor(), id, page.limit(), page.cursor());
    }
}
