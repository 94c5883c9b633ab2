package io.cellgate.sms;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One part of an MT message as it was submitted. */
@Schema(name = "SmsPart")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SmsPartView(
        @Schema(minimum = "1", maximum = "255", example = "1") int part,
        @Schema(enumeration = {"pending", "submitting", "submitted", "delivered", "undeliverable", "expired",
                "rejected"}, example = "delivered") String state,
        @Schema(description = "The SMSC's message id", maxLength = 65, example = "4f2a9c") String smscMessageId,
        @Schema(minimum = "0", maximum = "2147483647", example = "1") int attempts,
        Instant submittedAt,
        Instant doneAt,
        @Schema(maxLength = 64, example = "ESME_RTHROTTLED") String error) {
}
