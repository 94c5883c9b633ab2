package io.cellgate.webhooks;

import io.cellgate.events.EventType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Fields left out (or null) stay as they are. */
@Schema(name = "UpdateWebhookRequest", description = "Fields left out stay as they are. enabled: true on a webhook"
        + " disabled for its failures clears the reason and the failure count")
public record UpdateWebhookRequest(
        @Size(min = 8, max = WebhookTarget.MAX_LENGTH) @Schema(description = WebhookView.URL) String url,
        @Size(max = 20) @Schema(description = WebhookView.EVENT_TYPES) List<@NotNull EventType> eventTypes,
        Boolean enabled,
        @Size(max = 500) String description) {
}
