package io.cellgate.charging;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RatingGroup", description = "What a rating group of online charging counts")
public record RatingGroupView(
        @Schema(example = "100", minimum = "0", maximum = "4294967295") long ratingGroup,
        @Schema(description = "voice: seconds; sms: messages; data: bytes", enumeration = {"voice", "sms", "data"})
        String service,
        @Schema(maxLength = 200, example = "VoLTE calls") String description,
        Instant createdAt,
        Instant updatedAt) {
}
