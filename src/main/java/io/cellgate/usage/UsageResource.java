package io.cellgate.usage;

import io.cellgate.common.PageRequest;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/usage")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR, Roles.TENANT_VIEWER})
@Tag(name = "Usage and sessions")
@SecurityRequirement(name = "bearer")
public class UsageResource {
    @Inject
    UsageService usage;
    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "getTenantUsage", summary = "The tenant's usage in a month: the total, and its SIMs'"
            + " usage by ICCID (cursor paged)")
    public Uni<TenantUsageView> usage(@QueryParam("period") @Size(max = 7) @Pattern(regexp = Period.PATTERN,
                                              message = "a month as YYYY-MM")
            @Parameter(description = "YYYY-MM: the period that starts in this month (on the tenant's billing day,"
                    + " 00:00 UTC); default: the current period", example = "2026-12") String period,
                                      @Valid @BeanParam PageRequest page) {
        return usage.tenantUsage(caller.actor(), period, page.limit(), page.cursor());
    }
}
