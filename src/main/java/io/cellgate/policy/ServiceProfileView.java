package io.cellgate.policy;

import io.cellgate.common.web.IfMatch;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ServiceProfile", description = "A named policy template; SIMs on it follow every change at once")
public record ServiceProfileView(
        UUID id,
        @Schema(example = "pumps-eu", maxLength = ServiceProfileService.MAX_NAME) String name,
        @Schema(example = "Water pumps in the EU: MQTT to our broker only",
                maxLength = ServiceProfileService.MAX_DESCRIPTION) String description,
        @Schema(description = "SIMs without an explicit profile follow the tenant's default profile") boolean isDefault,
        @Schema(description = "The profile's (partial) policy; what it leaves out comes from the defaults")
        PolicyDocument policy,
        @Schema(description = "Sent as the ETag; If-Match on updates", example = "2", minimum = "0",
                maximum = "9223372036854775807") long version,
        Instant createdAt,
        Instant updatedAt) {

    public String etag() {
        return IfMatch.etag(version);
    }
}
