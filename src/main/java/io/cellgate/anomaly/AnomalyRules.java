package io.cellgate.anomaly;

import io.cellgate.events.EventData;
import io.cellgate.policy.PolicyDocument;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tenant's anomaly rules: each one on or off, what it does when it raises an anomaly, and its thresholds. Every rule
 * is on by default and only notifies; a tenant changes what it wants (PATCH /api/v1/anomaly-rules, a JSON merge patch:
 * a member set to null returns to its default).
 */
@Schema(name = "AnomalyRules", description = "The tenant's anomaly rules (every one on by default, action notify)")
public record AnomalyRules(
        DeviceSwap deviceSwap,
        RejectBurst authRejectBurst,
        UsageSpike dataUsageSpike,
        ExpectedRatTypes unexpectedRatType,
        ExpectedApns unexpectedApn,
        @Schema(readOnly = true, description = "When the tenant last changed them; absent: never (all defaults)")
        Instant updatedAt) {
    static final String ACTION = "notify: an anomaly.detected event; suspend: the event, and the SIM is suspended by the"
            + " anomaly detector (audited as it, and said in the event)";
    static final int MAX_EXPECTED = 32;

    public static final AnomalyRules DEFAULTS = new AnomalyRules(
            new DeviceSwap(true, AnomalyAction.NOTIFY),
            new RejectBurst(true, AnomalyAction.NOTIFY, 10, 300),
            new UsageSpike(true, AnomalyAction.NOTIFY, 5, 1_048_576, 14, 7),
            new ExpectedRatTypes(true, AnomalyAction.NOTIFY, List.of()),
            new ExpectedApns(true, AnomalyAction.NOTIFY, List.of()),
            null);

    /** What every rule has: whether it is on, and what it does when it raises an anomaly. */
    public interface Setting {
        boolean enabled();

        AnomalyAction action();
    }

    public Setting of(AnomalyRule rule) {
        return switch (rule) {
            case DEVICE_SWAP -> deviceSwap;
            case AUTH_REJECT_BURST -> authRejectBurst;
            case DATA_USAGE_SPIKE -> dataUsageSpike;
            case UNEXPECTED_RAT_TYPE -> unexpectedRatType;
            case UNEXPECTED_APN -> unexpectedApn;
        };
    }

    @Schema(name = "DeviceSwapRule", description = "device_swap: a data session from a device (IMEI: TAC and serial"
            + " number) other than the one the SIM was last used in, on a SIM without an IMEI lock (with a lock, the"
            + " network refuses the device: imei.mismatch)")
    public record DeviceSwap(boolean enabled, @Schema(description = ACTION) AnomalyAction action) implements Setting {
    }

    @Schema(name = "AuthRejectBurstRule", description = "auth_reject_burst: at least `threshold` refused access"
            + " requests of one SIM within `window_seconds`; raised again for the SIM only after a window without one")
    public record RejectBurst(
            boolean enabled,
            @Schema(description = ACTION) AnomalyAction action,
            @Schema(minimum = "2", maximum = "1000", description = "Refusals that make a burst") int threshold,
            @Schema(minimum = "10", maximum = "86400") int windowSeconds) implements Setting {
    }

    @Schema(name = "DataUsageSpikeRule", description = "data_usage_spike: the SIM's data usage today (UTC) is above"
            + " `multiplier` times its baseline, an exponentially weighted moving average of its daily usage over about"
            + " `baseline_days` days (weight 2/(baseline_days+1) for each new day, whole bytes rounded down), once it"
            + " has `min_history_days` days of history, and at least `min_bytes`. Raised at most once per SIM and day;"
            + " usage is read every few minutes (cellgate.anomaly.usage-scan-interval)")
    public record UsageSpike(
            boolean enabled,
            @Schema(description = ACTION) AnomalyAction action,
            @Schema(minimum = "2", maximum = "1000") int multiplier,
            @Schema(minimum = "0", maximum = "1000000000000000", description = "Bytes a day must reach at least")
            long minBytes,
            @Schema(minimum = "2", maximum = "90") int baselineDays,
            @Schema(minimum = "1", maximum = "90") int minHistoryDays) implements Setting {
    }

    @Schema(name = "UnexpectedRatTypeRule", description = "unexpected_rat_type: a data session from a radio access"
            + " type (3GPP-RAT-Type) outside `expected`; with `expected` empty, one the SIM's earlier sessions never"
            + " used (the first session teaches the SIM's). Raised once per SIM and RAT type")
    public record ExpectedRatTypes(
            boolean enabled,
            @Schema(description = ACTION) AnomalyAction action,
            @Schema(maxItems = MAX_EXPECTED, description = "3GPP-RAT-Type values (TS 29.061), e.g. 6 E-UTRAN, 8"
                    + " NB-IoT, 9 LTE-M, 10 NR; empty: learn each SIM's", type = SchemaType.ARRAY,
                    implementation = EventData.RatType.class) List<Integer> expected) implements Setting {
    }

    @Schema(name = "UnexpectedApnRule", description = "unexpected_apn: a data session to an APN outside `expected`;"
            + " with `expected` empty, one the SIM's earlier sessions never used. Raised once per SIM and APN")
    public record ExpectedApns(
            boolean enabled,
            @Schema(description = ACTION) AnomalyAction action,
            @Schema(maxItems = MAX_EXPECTED, description = "APNs; empty: learn each SIM's", type = SchemaType.ARRAY,
                    implementation = PolicyDocument.Apn.class) List<String> expected) implements Setting {
    }
}
