package io.cellgate.policy;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the merge patch of a SIM's policy; the service reads the body as JSON to tell null from absent. */
@Schema(name = "SimPolicyUpdate", description = "JSON merge patch: service_profile_id moves the SIM (null: back to the"
        + " tenant's default profile); overrides merge into the SIM's overrides, null removes an override")
public record SimPolicyUpdate(
        UUID serviceProfileId,
        @Schema(implementation = PolicyDocument.class) Object overrides) {
}
