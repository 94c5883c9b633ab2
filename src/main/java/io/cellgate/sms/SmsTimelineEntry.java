package io.cellgate.sms;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A step in a message's life: queued, a part submitted, a part's outcome. */
@Schema(name = "SmsTimelineEntry")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SmsTimelineEntry(
        Instant at,
        @Schema(enumeration = {"queued", "received", "blocked", "submitted", "delivered", "undeliverable", "expired",
                "rejected"}, example = "submitted") String status,
        @Schema(description = "The part it concerns", minimum = "1", maximum = "255") Integer part,
        @Schema(maxLength = 64) String detail) {
}
