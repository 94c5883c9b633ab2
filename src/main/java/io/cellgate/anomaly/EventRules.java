package io.cellgate.anomaly;

import io.cellgate.anomaly.Observation.Rejected;
import io.cellgate.anomaly.Observation.SessionStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules that judge a SIM's events, one observation at a time, each a named function of the tenant's settings,
 * what the detector has learned of the SIM ({@link SimWatch}) and what the event shows. Judging also teaches the
 * watch: the device now in use, the APNs and radio access types seen, the recent refusals.
 */
final class EventRules {
    /** The reasons of refusals that count towards a burst (RADIUS reject reasons). */
    static final Set<String> BURST_REASONS = Set.of("imei_mismatch", "imei_missing", "apn_not_allowed");

    private EventRules() {
    }

    /** The SIM's watch after an observation, and the anomalies the observation raised. */
    record Judgement(SimWatch after, List<Finding> findings) {
    }

    static Judgement judge(AnomalyRules rules, SimWatch watch, boolean imeiLocked, Observation seen) {
        List<Finding> findings = new ArrayList<>();
        if (seen instanceof SessionStarted session) {
            SimWatch after = watch.usedBy(session.imei()).learnedApn(session.apn()).learnedRatType(session.ratType());
            add(findings, deviceSwap(rules.deviceSwap(), watch, imeiLocked, session));
            // outside a list, raised once per SIM and value; learning, a value is known once seen
            if (add(findings, unexpectedRatType(rules.unexpectedRatType(), watch, session))
                    && !rules.unexpectedRatType().expected().isEmpty()) {
                after = after.flaggedRatType(session.ratType());
            }
            if (add(findings, unexpectedApn(rules.unexpectedApn(), watch, session))
                    && !rules.unexpectedApn().expected().isEmpty()) {
                after = after.flaggedApn(session.apn());
            }
            return new Judgement(after, findings);
        }
        Rejected rejected = (Rejected) seen;
        Burst burst = rejectBurst(rules.authRejectBurst(), watch, rejected);
        add(findings, burst.finding());
        return new Judgement(watch.withRejections(burst.recent(), burst.raisedAt()), findings);
    }

    /** A session from a device other than the one the SIM was last used in, when no IMEI lock holds the SIM. */
    static Finding deviceSwap(AnomalyRules.DeviceSwap rule, SimWatch watch, boolean imeiLocked,
                              SessionStarted session) {
        if (!rule.enabled() || imeiLocked || session.imei() == null || watch.imei() == null
                || sameDevice(watch.imei(), session.imei())) {
            return null;
        }
        Map<String, Object> evidence = sessionEvidence(session);
        evidence.put("imei", session.imei());
        evidence.put("previous_imei", watch.imei());
        return new Finding(AnomalyRule.DEVICE_SWAP, evidence);
    }

    /**
     * A radio access type outside the expected ones (once per SIM and type), or, with none given, one the SIM has not
     * used before.
     */
    static Finding unexpectedRatType(AnomalyRules.ExpectedRatTypes rule, SimWatch watch, SessionStarted session) {
        if (!rule.enabled()
                || !unexpected(rule.expected(), watch.ratTypes(), watch.flaggedRatTypes(), session.ratType())) {
            return null;
        }
        Map<String, Object> evidence = sessionEvidence(session);
        evidence.put(rule.expected().isEmpty() ? "known_rat_types" : "expected_rat_types",
                rule.expected().isEmpty() ? watch.ratTypes() : rule.expected());
        return new Finding(AnomalyRule.UNEXPECTED_RAT_TYPE, evidence);
    }

    /**
     * An APN outside the expected ones (once per SIM and APN), or, with none given, one the SIM has not used before.
     * APNs compare without regard to case, as the network's do.
     */
    static Finding unexpectedApn(AnomalyRules.ExpectedApns rule, SimWatch watch, SessionStarted session) {
        List<String> expected = rule.expected().stream().map(apn -> apn.toLowerCase(Locale.ROOT)).toList();
        if (!rule.enabled() || !unexpected(expected, watch.apns(), watch.flaggedApns(), session.apn())) {
            return null;
        }
        Map<String, Object> evidence = sessionEvidence(session);
        evidence.put(expected.isEmpty() ? "known_apns" : "expected_apns", expected.isEmpty() ? watch.apns() : expected);
        return new Finding(AnomalyRule.UNEXPECTED_APN, evidence);
    }

    /** The refusals within the window after this one, and the burst they make, if they make one now. */
    record Burst(List<Instant> recent, Instant raisedAt, Finding finding) {
    }

    /**
     * At least {@code threshold} refusals within the window, and none raised within the window before. Only refusals
     * that point at the device or its use count ({@link #BURST_REASONS}): those of the SIM's own state (suspended, at
     * its limit, data off) are what the tenant decided, and a suspended SIM's modem retrying is no anomaly. The SIM
     * keeps the latest refusals of the last window, as many as make a burst.
     */
    static Burst rejectBurst(AnomalyRules.RejectBurst rule, SimWatch watch, Rejected rejected) {
        if (!BURST_REASONS.contains(rejected.reason())) {
            return new Burst(watch.rejectedAt(), watch.burstRaisedAt(), null);
        }
        Duration window = Duration.ofSeconds(rule.windowSeconds());
        Instant since = rejected.at().minus(window);
        List<Instant> recent = new ArrayList<>();
        for (Instant at : watch.rejectedAt()) {
            if (at.isAfter(since)) {
                recent.add(at);
            }
        }
        recent.add(rejected.at());
        if (recent.size() > rule.threshold()) {
            recent = new ArrayList<>(recent.subList(recent.size() - rule.threshold(), recent.size()));
        }
        boolean quiet = watch.burstRaisedAt() == null || !watch.burstRaisedAt().isAfter(since);
        if (!rule.enabled() || recent.size() < rule.threshold() || !quiet) {
            return new Burst(recent, watch.burstRaisedAt(), null);
        }
        Map<String, Object> evidence = new HashMap<>();
        evidence.put("rejects", recent.size());
        evidence.put("window_seconds", rule.windowSeconds());
        evidence.put("first_rejected_at", recent.get(0).toString());
        evidence.put("last_rejected_at", rejected.at().toString());
        evidence.put("reason", rejected.reason());
        evidence.put("nas", rejected.nas());
        evidence.put("imei", rejected.imei());
        evidence.put("apn", rejected.apn());
        evidence.put("rat_type", rejected.ratType());
        return new Burst(recent, rejected.at(), new Finding(AnomalyRule.AUTH_REJECT_BURST, evidence));
    }

    /** With a list: outside it and not raised before; without: new to a SIM that has used others. */
    private static <T> boolean unexpected(List<T> expected, List<T> known, List<T> flagged, T value) {
        if (value == null) {
            return false;
        }
        return expected.isEmpty() ? !known.isEmpty() && !known.contains(value)
                : !expected.contains(value) && !flagged.contains(value);
    }

    /** Two IMEIs (or IMEISVs) of one device: the same TAC and serial number, the first 14 digits. */
    private static boolean sameDevice(String a, String b) {
        return a.regionMatches(0, b, 0, 14);
    }

    private static Map<String, Object> sessionEvidence(SessionStarted session) {
        Map<String, Object> evidence = new HashMap<>();
        evidence.put("session_id", session.sessionId());
        evidence.put("nas", session.nas());
        evidence.put("apn", session.apn());
        evidence.put("imei", session.imei());
        evidence.put("rat_type", session.ratType());
        return evidence;
    }

    private static boolean add(List<Finding> findings, Finding finding) {
        return finding != null && findings.add(finding);
    }
}
