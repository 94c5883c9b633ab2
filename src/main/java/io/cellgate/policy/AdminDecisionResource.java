package io.cellgate.policy;

import io.cellgate.audit.AuditContext;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.Imsi;
import io.cellgate.common.id.SimKey;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.cellgate.ports.Decision;
import io.cellgate.ports.DecisionReadPort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Carrier ops see exactly what the network plane sees for a subscriber, to explain an accept or a reject. */
@Path("/api/v1/admin/decisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CARRIER_OPS)
@Tag(name = "Admin: SIM stock")
@SecurityRequirement(name = "bearer", scopes = Roles.CARRIER_OPS)
public class AdminDecisionResource {
    @Inject
    DecisionReadPort decisions;
    @Inject
    Caller caller;
    @Inject
    AuditContext audit;

    @GET
    @Path("/{key}")
    @Operation(operationId = "getDecision", summary = "The network plane's decision row of a SIM, by IMSI or ICCID",
            description = "404 for SIMs in stock or unknown: the network refuses those.")
    public Uni<Decision> get(@PathParam("key") @Parameter(description = "IMSI (15 digits) or ICCID (19-20 digits)",
            schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{15}$|^[0-9]{19,20}$", maxLength = 20))
                             SimKey key) {
        Uni<Decision> found = key instanceof Imsi imsi ? decisions.decision(caller.actor(), imsi)
                : decisions.decision(caller.actor(), (Iccid) key);
        return found.map(decision -> {
            if (decision == null) {
                throw ProblemException.notFound("Decision for " + key);
            }
            audit.concernsTenant(decision.tenantId());
            return decision;
        });
    }
}
