package io.cellgate.webhooks;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RotateWebhookSecretRequest")
public record RotateWebhookSecretRequest(
        @Min(0) @Max(604_800) @Schema(description = "How long the old secret stays valid, seconds (0-604800); during"
                + " that time every delivery is signed with both. Default 86400 (a day)", example = "86400",
                minimum = "0", maximum = "604800") Integer graceSeconds) {
}
