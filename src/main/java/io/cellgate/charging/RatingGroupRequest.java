package io.cellgate.charging;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RatingGroupRequest(
        @NotNull @Pattern(regexp = "^(voice|sms|data)$", message = "voice, sms or data")
        @Schema(description = "voice: seconds; sms: messages; data: bytes", enumeration = {"voice", "sms", "data"})
        String service,
        @Size(max = 200) @Schema(maxLength = 200, example = "VoLTE calls") String description) {
}
