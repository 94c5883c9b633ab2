package io.cellgate.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cellgate.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook as its tenant sees it; {@code secret} only in the answer that made it (creation, rotation). */
@Schema(name = "Webhook")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(
        UUID id,
        @Schema(description = URL, maxLength = WebhookTarget.MAX_LENGTH) String url,
        @Schema(description = EVENT_TYPES, maxItems = 20) List<EventType> eventTypes,
        boolean enabled,
        @Schema(maxLength = 500) String description,
        @Schema(description = "Why Cellgate disabled it (failures in a row); absent while enabled", maxLength = 500)
        String disabledReason,
        Instant disabledAt,
        @Schema(description = "Since when every attempt failed; absent after a success") Instant failingSince,
        @Schema(description = "Attempts failed in a row", minimum = "0", maximum = "2147483647")
        int consecutiveFailures,
        @Schema(description = "Until when the previous secret is still valid (and signs every delivery too)")
        Instant previousSecretExpiresAt,
        @Schema(description = "The signing secret (Standard Webhooks: whsec_ and base64), shown only when made",
                maxLength = 100, pattern = "^whsec_[A-Za-z0-9+/=]+$") String secret,
        Instant createdAt,
        Instant updatedAt) {

    static final String URL = "Where the events are POSTed: https (http only where carrier ops allow it for the"
            + " tenant), to a public address: one that resolves to a loopback, private, link-local or multicast address"
            + " is refused, now and before every delivery. Redirects are not followed";
    static final String EVENT_TYPES = "The types it receives; empty: all";

    WebhookView withSecret(String shown) {
        return new WebhookView(id, url, eventTypes, enabled, description, disabledReason, disabledAt, failingSince,
                consecutiveFailures, previousSecretExpiresAt, shown, createdAt, updatedAt);
    }
}
