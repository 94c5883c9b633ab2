package io.cellgate.usage;

import io.cellgate.common.Page;
import io.cellgate.common.PageRequest;
import io.cellgate.common.id.Iccid;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the network plane saw of one of the tenant's SIMs: usage, data sessions, refused access requests. */
@Path("/api/v1/sims/{iccid}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR, Roles.TENANT_VIEWER})
@Tag(name = "Usage and sessions")
@SecurityRequirement(name = "bearer")
public class SimUsageResource {
    @Inject
    UsageService usage;
    @Inject
    SessionQueries sessions;
    @Inject
    Caller caller;

    @GET
    @Path("/usage")
    @Operation(operationId = "getSimUsage", summary = "A SIM's usage in a month, and each limit with what is left",
            description = "Data bytes are counted from the packet gateway's accounting, exactly (integers, both"
                    + " directions); SMS parts as they are sent (mt) and received (mo); voice stays zero until online"
                    + " charging counts it.")
    public Uni<SimUsageView> usage(@PathParam("iccid") Iccid iccid,
                                   @QueryParam("period") @Size(max = 7) @Pattern(regexp = Period.PATTERN,
                                           message = "a month as YYYY-MM")
            @Parameter(description = "YYYY-MM: the period that starts in this month (on the tenant's billing day,"
                    + " 00:00 UTC); default: the current period", example = "2026-12") String period) {
        return usage.simUsage(caller.actor(), iccid, period);
    }

    @GET
    @Path("/sessions")
    @Operation(operationId = "listSimSessions", summary = "A SIM's data sessions, live and past, newest first")
    public Uni<Page<SessionView>> sessions(@PathParam("iccid") Iccid iccid, @Valid @BeanParam PageRequest page) {
        return sessions.ofSim(caller.actor(), iccid, page.limit(), page.cursor());
    }

    @GET
    @Path("/auth-events")
    @Operation(operationId = "listSimAuthEvents", summary = "Access-Requests for the SIM that were rejected, newest"
            + " first", description = "Each names the reason (README, \"Connect your packet gateway\"), the NAS, APN,"
            + " device and radio access type.")
    public Uni<Page<AuthEventView>> authEvents(@PathParam("iccid") Iccid iccid, @Valid @BeanParam PageRequest page) {
        return sessions.authEvents(caller.actor(), iccid, page.limit(), page.cursor());
    }
}
