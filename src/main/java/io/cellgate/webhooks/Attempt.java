package io.cellgate.webhooks;

import io.cellgate.events.EventView;
import java.time.Instant;
import java.util.UUID;

/**
 * One attempt to deliver an event to a webhook, as claimed ({@link Claim}) and as it ended ({@link Outcome}).
 */
final class Attempt {
    private Attempt() {
    }

    /**
     * A delivery claimed for sending: where to, with which secrets, and the event (null when this release cannot read
     * it).
     */
    record Claim(long deliveryId, UUID webhookId, int attempt, String url, boolean httpAllowed, byte[] secret,
                 byte[] previousSecret, EventView event) {
    }

    /** How an attempt ended: a status (with the start of the body), or an error that kept any status from coming. */
    record Outcome(long deliveryId, int attempt, Instant at, Integer latencyMs, Integer statusCode, String body,
                   String error) {
        boolean ok() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        static Outcome failed(Claim claim, Instant at, Integer latencyMs, String error) {
            return new Outcome(claim.deliveryId(), claim.attempt(), at, latencyMs, null, null, error);
        }
    }
}
