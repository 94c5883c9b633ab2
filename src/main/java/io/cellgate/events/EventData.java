package io.cellgate.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The {@code data} of each event type, as the contract publishes it. The database builds the objects
 * (R__events.sql); these records are their documented shape, and the tests check every event against it. A member
 * with no value is left out.
 */
public sealed interface EventData {
    String SIM_STATUSES = "stock, ready, active, suspended, terminated";
    String MAX_LONG = "9223372036854775807";

    @Schema(name = "SimStatusChangedData",
            requiredProperties = {"previous_status", "status"}, description = "sim.status_changed: the SIM moved through its lifecycle"
            + " (a SIM assigned to the tenant comes from stock; one taken back returns to it)")
    record SimStatusChanged(
            @Schema(description = SIM_STATUSES, enumeration = {"stock", "ready", "active", "suspended", "terminated"})
            String previousStatus,
            @Schema(description = SIM_STATUSES, enumeration = {"stock", "ready", "active", "suspended", "terminated"})
            String status) implements EventData {
    }

    @Schema(name = "SimPolicyChangedData",
            requiredProperties = {"changed"}, description = "sim.policy_changed: the SIM's effective policy changed, by"
            + " its own overrides, its profile, or the tenant's default profile")
    record SimPolicyChanged(
            @Schema(description = "The profile it followed before; absent: none") UUID previousProfileId,
            @Schema(description = "The profile it follows; absent: none") UUID profileId,
            @Schema(description = "The parts of the effective policy that changed", maxItems = 5,
                    example = "[\"limits\"]") List<PolicyPart> changed)
            implements EventData {
    }

    /** The top-level parts of a policy document. */
    enum PolicyPart {
        @JsonProperty("data") DATA,
        @JsonProperty("sms") SMS,
        @JsonProperty("voice") VOICE,
        @JsonProperty("limits") LIMITS,
        @JsonProperty("imei_lock") IMEI_LOCK
    }

    @Schema(name = "SimIpChangedData", description = "sim.ip_changed: the SIM's static IP address was assigned,"
            + " changed or released")
    record SimIpChanged(
            @Schema(description = "Absent: it had none", maxLength = 15, example = "10.20.0.7") String previousIpAddress,
            @Schema(description = "Absent: it has none now", maxLength = 15, example = "10.20.0.9") String ipAddress)
            implements EventData {
    }

    @Schema(name = "SimImeiLockedData",
            requiredProperties = {"imei", "previous_mode"}, description = "sim.imei_locked: the SIM is now locked to a device, set by the"
            + " tenant or on first use")
    record SimImeiLocked(
            @Schema(description = "The device's IMEI (its TAC and serial number are what is compared)",
                    maxLength = 16, example = "356938035643809") String imei,
            @Schema(description = "The lock mode before", enumeration = {"off", "locked", "lock_on_first_use"})
            String previousMode,
            @Schema(description = "The IMEI it was locked to before, if any", maxLength = 16) String previousImei)
            implements EventData {
    }

    @Schema(name = "ImeiMismatchData",
            requiredProperties = {"imei", "nas", "at"}, description = "imei.mismatch: a device other than the one the SIM is locked to"
            + " asked for a data session, and was refused")
    record ImeiMismatch(
            @Schema(description = "The device that asked", maxLength = 16) String imei,
            @Schema(description = "The device the SIM is locked to", maxLength = 16) String lockedImei,
            @Schema(description = "The packet gateway", maxLength = 63) String nas,
            @Schema(maxLength = 100) String apn,
            Instant at) implements EventData {
    }

    @Schema(name = "SessionEventData", requiredProperties = {"session_id", "nas", "started_at"},
            description = "session.started: the packet gateway accounted a new data session; session.stopped: it"
                    + " ended (accounting Stop, the gateway restarting, or missed interim updates); session.disconnected:"
                    + " Cellgate asked the gateway to cut it (Disconnect-Request) and the gateway acknowledged")
    record Session(
            UUID sessionId,
            @Schema(description = "The packet gateway", maxLength = 63) String nas,
            @Schema(maxLength = 100) String apn,
            @Schema(maxLength = 16) String imei,
            @Schema(description = "3GPP-RAT-Type (TS 29.061) from the session's accounting, e.g. 6 (E-UTRAN), 8"
                    + " (NB-IoT), 9 (LTE-M)", minimum = "0", maximum = "255") Integer ratType,
            @Schema(maxLength = 15) String ipAddress,
            Instant startedAt,
            @Schema(description = "session.stopped") Instant stoppedAt,
            @Schema(description = "session.stopped: stop (with the Acct-Terminate-Cause as stop:N), nas_restart or"
                    + " stale", maxLength = 40, example = "stop:1") String stopCause,
            @Schema(description = "session.stopped: bytes from the device", minimum = "0", maximum = MAX_LONG)
            Long inputOctets,
            @Schema(description = "session.stopped: bytes to the device", minimum = "0", maximum = MAX_LONG)
            Long outputOctets,
            @Schema(description = "session.disconnected: why, e.g. sim_not_active, data_limit_reached,"
                    + " throttle_lifted", maxLength = 40) String reason) implements EventData {
    }

    @Schema(name = "AuthRejectedData",
            requiredProperties = {"reason", "nas", "at"}, description = "auth.rejected: Cellgate refused an Access-Request of the SIM")
    record AuthRejected(
            @Schema(description = "Why (README, \"Connect your packet gateway\")", maxLength = 40,
                    example = "sim_not_active") String reason,
            @Schema(maxLength = 63) String nas,
            @Schema(maxLength = 100) String apn,
            @Schema(maxLength = 16) String imei,
            @Schema(description = "3GPP-RAT-Type (TS 29.061)", minimum = "0", maximum = "255") Integer ratType,
            Instant at) implements EventData {
    }

    @Schema(name = "UsageLimitWarningData",
            requiredProperties = {"service", "period_start", "percent", "used"}, description = "usage.limit_warning: the SIM's usage in the period crossed"
            + " a warning threshold of its limit")
    record UsageLimitWarning(
            @Schema(enumeration = {"data", "sms", "voice"}) String service,
            LocalDate periodStart,
            @Schema(description = "The threshold, percent of the limit", minimum = "1", maximum = "100") int percent,
            @Schema(description = "Used in the period (bytes for data, parts both ways for SMS, seconds for voice)",
                    minimum = "0", maximum = MAX_LONG) long used,
            @Schema(description = "The limit (bytes for data, parts for SMS, seconds for voice)", minimum = "0",
                    maximum = MAX_LONG)
            long limit)
            implements EventData {
    }

    @Schema(name = "UsageLimitReachedData",
            requiredProperties = {"service", "period_start", "used", "action"}, description = "usage.limit_reached: the SIM used its whole limit for the"
            + " period; the action says what the network now does")
    record UsageLimitReached(
            @Schema(enumeration = {"data", "sms", "voice"}) String service,
            LocalDate periodStart,
            @Schema(minimum = "0", maximum = MAX_LONG) long used,
            @Schema(minimum = "0", maximum = MAX_LONG) long limit,
            @Schema(enumeration = {"block", "throttle"}) String action) implements EventData {
    }

    @Schema(name = "JobCompletedData",
            requiredProperties = {"job_id", "kind", "action", "total", "succeeded", "failed", "finished_at"}, description = "job.completed: an asynchronous job finished")
    record JobCompleted(
            UUID jobId,
            @Schema(maxLength = 40, example = "sim_bulk_action") String kind,
            @Schema(maxLength = 40, example = "activate") String action,
            @Schema(minimum = "0", maximum = "1000000") int total,
            @Schema(minimum = "0", maximum = "1000000") int succeeded,
            @Schema(minimum = "0", maximum = "1000000") int failed,
            Instant finishedAt) implements EventData {
    }

    @Schema(name = "TenantQuotaBreachedData",
            requiredProperties = {"quota", "limit"}, description = "tenant.quota_breached: a request was refused for one of"
            + " the tenant's quotas (announced at most once per quota every few minutes)")
    record TenantQuotaBreached(
            @Schema(enumeration = {"max_sims", "api_requests_per_second"}) String quota,
            @Schema(description = "The quota's value", minimum = "0", maximum = "100000000") long limit,
            @Schema(description = "max_sims: the SIMs the tenant holds", minimum = "0", maximum = "100000000")
            Long current,
            @Schema(description = "max_sims: the SIMs the refused request would have added", minimum = "0",
                    maximum = "100000000") Long requested) implements EventData {
    }

    @Schema(name = "WebhookTestData", requiredProperties = {"webhook_id", "message"},
            description = "webhook.test: sent on request (POST /api/v1/webhooks/{id}/test), to that webhook only")
    record WebhookTest(
            UUID webhookId,
            @Schema(maxLength = 200) String message) implements EventData {
    }

    @Schema(name = "WebhookDisabledData", requiredProperties = {"webhook_id", "reason"},
            description = "webhook.disabled: Cellgate disabled a webhook whose attempts kept failing; enable it again"
                    + " with PATCH /api/v1/webhooks/{id} once it answers")
    record WebhookDisabled(
            UUID webhookId,
            @Schema(maxLength = 500) String reason,
            Instant failingSince,
            @Schema(minimum = "0", maximum = "2147483647") int consecutiveFailures) implements EventData {
    }

    @Schema(name = "AnomalyDetectedData", requiredProperties = {"rule", "action", "suspended", "evidence"},
            description = "anomaly.detected: one of the tenant's anomaly rules (GET /api/v1/anomaly-rules) found"
                    + " something unusual about the SIM; the evidence says what. A rule whose action is suspend"
                    + " suspends the SIM first (its sim.status_changed comes just before this event)")
    record AnomalyDetected(
            @Schema(enumeration = {"device_swap", "auth_reject_burst", "data_usage_spike", "unexpected_rat_type",
                    "unexpected_apn"}) String rule,
            @Schema(description = "The rule's action when it found it", enumeration = {"notify", "suspend"})
            String action,
            @Schema(description = "Whether the SIM was suspended now (action suspend, and the SIM was active)")
            boolean suspended,
            @Schema(description = "Who suspended it, when it was: the anomaly detector, as the audit trail and the"
                    + " SIM's history record it", maxLength = 40, example = "anomaly-detector") String suspendedBy,
            @Schema(description = "The event that showed it (session.started or auth.rejected); absent for"
                    + " data_usage_spike") UUID causeEventId,
            AnomalyEvidence evidence) implements EventData {
    }

    @Schema(name = "SmsStatusChangedData",
            requiredProperties = {"message_id", "direction", "status", "previous_status", "encoding", "parts", "from",
                    "to"},
            description = "sms.status_changed: a message sent through the API moved on: submitted to the SMSC, then"
                    + " delivered, undeliverable, expired or rejected (GET /api/v1/sms/{message_id} has its parts and"
                    + " timeline)")
    record SmsStatusChanged(
            UUID messageId,
            @Schema(enumeration = {"mt"}) String direction,
            @Schema(enumeration = {"queued", "submitted", "delivered", "undeliverable", "expired", "rejected"})
            String status,
            @Schema(enumeration = {"queued", "submitted", "delivered", "undeliverable", "expired", "rejected"})
            String previousStatus,
            @Schema(enumeration = {"gsm7", "ucs2", "binary"}) String encoding,
            @Schema(minimum = "1", maximum = "255") int parts,
            @Schema(description = "Why it failed: an SMPP status, a receipt's error or Cellgate's reason",
                    maxLength = 64) String error,
            @Schema(description = "The tenant's address it was sent from", maxLength = 16) String from,
            @Schema(description = "The device's MSISDN", maxLength = 16) String to) implements EventData {
    }

    @Schema(name = "SmsFromDeviceData",
            requiredProperties = {"message_id", "direction", "status", "encoding", "parts", "from", "to",
                    "data_coding"},
            description = "sms.received: a device's message to one of the tenant's SMS addresses, whole (the parts of"
                    + " a long one are put together first), with its text (GSM 7-bit or UCS-2) or its octets (hex);"
                    + " sms.blocked: one the SIM's policy or state refused (error says why), kept without its content")
    record SmsFromDevice(
            UUID messageId,
            @Schema(enumeration = {"mo"}) String direction,
            @Schema(enumeration = {"received", "blocked"}) String status,
            @Schema(enumeration = {"gsm7", "ucs2", "binary", "ia5", "latin1"}) String encoding,
            @Schema(minimum = "1", maximum = "255") int parts,
            @Schema(description = "The device's MSISDN", maxLength = 16) String from,
            @Schema(description = "The tenant's address it was sent to", maxLength = 16) String to,
            @Schema(maxLength = 2550) String text,
            @Schema(description = "Octets, hex", maxLength = 5100) String binary,
            @Schema(minimum = "0", maximum = "255") int dataCoding,
            @Schema(description = "Why it was blocked", enumeration = {"mo_disabled", "sms_limit_reached",
                    "tenant_suspended", "sim_ready", "sim_suspended", "sim_terminated"}) String error)
            implements EventData {
    }

    @Schema(name = "ChargingDeniedData", requiredProperties = {"service", "reason", "rating_group"},
            description = "charging.denied: online charging refused the SIM a service a network function asked for"
                    + " (README, \"Connect your core network: online charging\")")
    record ChargingDenied(
            @Schema(enumeration = {"voice", "sms", "data"}) String service,
            @Schema(description = "Why, e.g. voice_disabled, number_not_allowed, p2p_sms_blocked", maxLength = 40,
                    example = "number_not_allowed") String reason,
            @Schema(description = "The rating group asked for", minimum = "0", maximum = "4294967295")
            long ratingGroup,
            @Schema(description = "The other party (a number or an address), where there is one", maxLength = 40)
            String counterpart) implements EventData {
    }

    @Schema(name = "SmsIncompleteData",
            requiredProperties = {"direction", "to", "reference", "total", "received_parts", "data_coding",
                    "first_received_at", "last_received_at"},
            description = "sms.incomplete: a device's long message whose parts did not all arrive within a day (the"
                    + " deployment's setting) of the first; the parts that did are dropped (the device may send it"
                    + " again)")
    record SmsIncomplete(
            @Schema(enumeration = {"mo"}) String direction,
            @Schema(description = "The device's MSISDN (left out when the SIM has left the tenant)", maxLength = 16)
            String from,
            @Schema(description = "The tenant's address it was sent to", maxLength = 16) String to,
            @Schema(description = "The concatenation reference of its UDH", minimum = "0", maximum = "65535")
            int reference,
            @Schema(description = "How many parts its UDH announced", minimum = "2", maximum = "255") int total,
            @Schema(description = "The numbers of the parts that arrived", minItems = 1, maxItems = 254,
                    type = SchemaType.ARRAY, implementation = PartNumber.class) List<Integer> receivedParts,
            @Schema(minimum = "0", maximum = "255") int dataCoding,
            Instant firstReceivedAt,
            Instant lastReceivedAt) implements EventData {
    }

    /** What a rule saw; each rule gives the members that concern it. */
    @Schema(name = "AnomalyEvidence", description = "What the rule saw; each rule gives the members that concern it")
    record AnomalyEvidence(
            @Schema(description = "The session that showed it") UUID sessionId,
            @Schema(description = "The packet gateway", maxLength = 63) String nas,
            @Schema(description = "In lower case, as the rules compare APNs", maxLength = 100) String apn,
            @Schema(description = "The device that asked", maxLength = 16) String imei,
            @Schema(description = "device_swap: the device the SIM was last used in", maxLength = 16)
            String previousImei,
            @Schema(description = "3GPP-RAT-Type (TS 29.061)", minimum = "0", maximum = "255") Integer ratType,
            @Schema(description = "unexpected_rat_type with expected types set: those", maxItems = 32,
                    type = SchemaType.ARRAY, implementation = RatType.class) List<Integer> expectedRatTypes,
            @Schema(description = "unexpected_rat_type learning the SIM's: the ones its sessions used before",
                    maxItems = 32, type = SchemaType.ARRAY, implementation = RatType.class) List<Integer> knownRatTypes,
            @Schema(description = "unexpected_apn with expected APNs set: those", maxItems = 32,
                    type = SchemaType.ARRAY, implementation = ReportedApn.class) List<String> expectedApns,
            @Schema(description = "unexpected_apn learning the SIM's: the ones its sessions used before",
                    maxItems = 32, type = SchemaType.ARRAY, implementation = ReportedApn.class)
            List<String> knownApns,
            @Schema(description = "auth_reject_burst: refusals within the window", minimum = "2", maximum = "1000")
            Integer rejects,
            @Schema(description = "auth_reject_burst", minimum = "10", maximum = "86400") Integer windowSeconds,
            @Schema(description = "auth_reject_burst") Instant firstRejectedAt,
            @Schema(description = "auth_reject_burst") Instant lastRejectedAt,
            @Schema(description = "auth_reject_burst: why the last one was refused", maxLength = 40) String reason,
            @Schema(description = "data_usage_spike: the UTC day") LocalDate day,
            @Schema(description = "data_usage_spike: bytes used that day so far", minimum = "0", maximum = MAX_LONG)
            Long dayBytes,
            @Schema(description = "data_usage_spike: the SIM's baseline (bytes a day)", minimum = "0",
                    maximum = MAX_LONG) Long baselineBytes,
            @Schema(description = "data_usage_spike: days of history in the baseline", minimum = "0",
                    maximum = "1000000") Integer baselineDays,
            @Schema(description = "data_usage_spike: the rule's multiplier", minimum = "2", maximum = "1000")
            Integer multiplier) {
    }

    /** The number of one part of a concatenated SMS, as its UDH gives it. */
    @Schema(name = "SmsPartNumber", type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "255",
            description = "The number of one part of a concatenated SMS (its UDH), from 1")
    interface PartNumber {
    }

    /** A radio access type, as RADIUS and the rules name it. */
    @Schema(name = "RatType", type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "255",
            example = "6",
            description = "3GPP-RAT-Type (TS 29.061): 1 UTRAN, 2 GERAN, 6 E-UTRAN, 8 NB-IoT, 9 LTE-M, 10 NR, ...")
    interface RatType {
    }

    /** An APN as the network reported it, in lower case. */
    @Schema(name = "ReportedApn", type = SchemaType.STRING, maxLength = 100, pattern = "^[a-z0-9.-]{0,100}$",
            example = "iot.acme", description = "An APN as the network reported it, in lower case")
    interface ReportedApn {
    }
}
