package io.cellgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.web.IfMatch;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SimPolicy", description = "A SIM's effective policy, where each value comes from, and its overrides")
public record SimPolicyView(
        Iccid iccid,
        ProfileRef serviceProfile,
        @Schema(implementation = PolicyDocument.class, description = "The effective policy the network enforces")
        JsonNode policy,
        @Schema(description = "For each value of the effective policy (by dotted path): `sim` (an override of this"
                + " SIM), `profile:<name>` or `default`",
                example = "{\"data.enabled\":\"profile:pumps-eu\",\"voice.enabled\":\"default\",\"imei_lock.mode\":\"sim\"}",
                maxProperties = 100, additionalProperties = Source.class)
        Map<String, String> sources,
        @Schema(implementation = PolicyDocument.class, description = "This SIM's own overrides") JsonNode overrides,
        @Schema(description = "The SIM's version, sent as the ETag", example = "4", minimum = "0",
                maximum = "9223372036854775807") long version) {

    @Schema(name = "ServiceProfileRef")
    public record ProfileRef(
            UUID id,
            @Schema(example = "pumps-eu", maxLength = ServiceProfileService.MAX_NAME) String name,
            @Schema(description = "True when the SIM follows the tenant's default profile rather than a chosen one")
            boolean followsTenantDefault) {
    }

    @Schema(name = "PolicySource", type = SchemaType.STRING, maxLength = 108, pattern = "^sim$|^default$|^profile:.+$",
            example = "profile:pumps-eu")
    interface Source {
    }

    public String etag() {
        return IfMatch.etag(version);
    }
}
