package io.cellgate.anomaly;

import com.fasterxml.jackson.databind.JsonNode;
import io.cellgate.common.json.JsonMergePatch;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's anomaly rules (README, "Anomaly detection"): everyone of the tenant reads them, its admins change them. */
@Path("/api/v1/anomaly-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Anomaly detection")
@SecurityRequirement(name = "bearer")
public class AnomalyRuleResource {
    @Inject
    AnomalyRuleService rules;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR, Roles.TENANT_VIEWER})
    @Operation(operationId = "getAnomalyRules", summary = "The tenant's anomaly rules, with their thresholds",
            description = "Each rule that finds an anomaly writes an anomaly.detected event with its evidence; a rule"
                    + " whose action is suspend also suspends the SIM, as the anomaly detector.")
    @APIResponse(responseCode = "200", description = "The rules in force",
            content = @Content(schema = @Schema(implementation = AnomalyRules.class)))
    public Uni<AnomalyRules> get() {
        return rules.get(caller.actor());
    }

    @PATCH
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Consumes({MediaType.APPLICATION_JSON, JsonMergePatch.MEDIA_TYPE})
    @Operation(operationId = "updateAnomalyRules", summary = "Change the anomaly rules (JSON merge patch)",
            description = "Only the members given change; a member set to null returns to its default. The change"
                    + " applies to the events the detector reads from then on.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AnomalyRules.class)))
    @APIResponse(responseCode = "200", description = "The rules in force now",
            content = @Content(schema = @Schema(implementation = AnomalyRules.class)))
    public Uni<AnomalyRules> update(@NotNull JsonNode body) {
        return rules.update(caller.actor(), body);
    }
}
