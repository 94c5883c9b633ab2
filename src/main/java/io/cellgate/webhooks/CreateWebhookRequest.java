package io.cellgate.webhooks;

import io.cellgate.events.EventType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateWebhookRequest")
public record CreateWebhookRequest(
        @NotNull @Size(min = 8, max = WebhookTarget.MAX_LENGTH)
        @Schema(description = WebhookView.URL, example = "https://iot.example.com/cellgate/events") String url,
        @Size(max = 20) @Schema(description = WebhookView.EVENT_TYPES, example = "[\"sim.status_changed\"]")
        List<@NotNull EventType> eventTypes,
        @Schema(description = "Default true") Boolean enabled,
        @Size(max = 500) @Schema(example = "Fleet backend, production") String description) {
}
