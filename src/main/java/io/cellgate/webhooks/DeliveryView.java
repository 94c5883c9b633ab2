package io.cellgate.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cellgate.common.id.Iccid;
import io.cellgate.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event's delivery to a webhook, with its attempts. */
@Schema(name = "WebhookDelivery")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(
        @Schema(minimum = "1", maximum = "9223372036854775807") long id,
        @Schema(description = "The event; also the webhook-id header of every attempt") UUID eventId,
        EventType eventType,
        Iccid iccid,
        @Schema(description = "pending (due at next_attempt_at), sending, succeeded, or failed (no success within"
                + " the retry period)", enumeration = {"pending", "sending", "succeeded", "failed"}) String state,
        @Schema(description = "While pending") Instant nextAttemptAt,
        Instant createdAt,
        Instant finishedAt,
        @Schema(description = "Every attempt, first first (at most the last 100)", maxItems = 100)
        List<Attempt> attempts) {

    @Schema(name = "WebhookAttempt")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attempt(
            @Schema(minimum = "1", maximum = "2147483647") int attempt,
            Instant at,
            @Schema(description = "From the request's start to the answer's end", minimum = "0",
                    maximum = "2147483647") Integer latencyMs,
            @Schema(description = "The endpoint's HTTP status; absent when none came", minimum = "100",
                    maximum = "599") Integer statusCode,
            @Schema(description = "The start of the answer's body (at most 1 KiB, control characters escaped)",
                    maxLength = 6200) String responseBody,
            @Schema(description = "Why no status came: timeout, connection refused, address refused, ...",
                    maxLength = 600) String error) {
    }
}
