package io.cellgate.anomaly;

import java.time.Instant;
import java.util.UUID;

/** What one of a SIM's events shows the detector: a data session that started, or an access request refused. */
sealed interface Observation {
    /** The event that showed it. */
    UUID eventId();

    Instant at();

    String nas();

    String imei();

    String apn();

    Integer ratType();

    /** session.started */
    record SessionStarted(UUID eventId, Instant at, String sessionId, String nas, String imei, String apn,
                          Integer ratType) implements Observation {
    }

    /** auth.rejected */
    record Rejected(UUID eventId, Instant at, String reason, String nas, String imei, String apn, Integer ratType)
            implements Observation {
    }
}
