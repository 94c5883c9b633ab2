package io.cellgate.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.anomaly.Observation.Rejected;
import io.cellgate.anomaly.Observation.SessionStarted;
import io.cellgate.network.decision.RejectReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each rule that judges a SIM's events, on its own, without a database. */
@Tag("unit")
class EventRulesTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final String DEVICE = "3569380356438091";
    private static final String SAME_DEVICE_NEW_SOFTWARE = "3569380356438092";
    private static final String OTHER_DEVICE = "4901542032375181";
    private static final AnomalyRules RULES = AnomalyRules.DEFAULTS;

    @Test
    void aSessionFromAnotherDeviceIsASwapButNotANewSoftwareVersionOrALockedSim() {
        SimWatch usedBefore = SimWatch.NEW.usedBy(DEVICE);
        Finding swap = EventRules.deviceSwap(RULES.deviceSwap(), usedBefore, false, session(OTHER_DEVICE, "iot", 6));
        assertNotNull(swap);
        assertEquals(OTHER_DEVICE, swap.evidence().get("imei"));
        assertEquals(DEVICE, swap.evidence().get("previous_imei"));
        assertNull(EventRules.deviceSwap(RULES.deviceSwap(), usedBefore, false,
                session(SAME_DEVICE_NEW_SOFTWARE, "iot", 6)));
        assertNull(EventRules.deviceSwap(RULES.deviceSwap(), usedBefore, true, session(OTHER_DEVICE, "iot", 6)));
        assertNull(EventRules.deviceSwap(RULES.deviceSwap(), SimWatch.NEW, false, session(OTHER_DEVICE, "iot", 6)),
                "the first device seen is learned, not a swap");
        assertNull(EventRules.deviceSwap(new AnomalyRules.DeviceSwap(false, AnomalyAction.NOTIFY), usedBefore, false,
                session(OTHER_DEVICE, "iot", 6)));
    }

    @Test
    void aBurstIsThresholdRefusalsWithinTheWindowRaisedOncePerWindow() {
        AnomalyRules.RejectBurst rule = new AnomalyRules.RejectBurst(true, AnomalyAction.NOTIFY, 3, 60);
        SimWatch watch = SimWatch.NEW;
        List<Finding> found = new ArrayList<>();
        // 0 s and 30 s have left the window when 91 s comes; 91, 100 and 120 are three within 60 s
        for (int second : new int[] {0, 30, 91, 100, 120}) {
            EventRules.Burst burst = EventRules.rejectBurst(rule, watch, rejected(second));
            watch = watch.withRejections(burst.recent(), burst.raisedAt());
            if (burst.finding() != null) {
                found.add(burst.finding());
            }
        }
        assertEquals(1, found.size());
        assertEquals(3, found.get(0).evidence().get("rejects"));
        assertEquals(T0.plusSeconds(91).toString(), found.get(0).evidence().get("first_rejected_at"));
        assertEquals(T0.plusSeconds(120).toString(), found.get(0).evidence().get("last_rejected_at"));
        // the storm goes on: not raised again within the window after the raise, then again after it
        for (int second : new int[] {130, 140, 179, 181, 182}) {
            EventRules.Burst burst = EventRules.rejectBurst(rule, watch, rejected(second));
            watch = watch.withRejections(burst.recent(), burst.raisedAt());
            if (burst.finding() != null) {
                found.add(burst.finding());
            }
        }
        assertEquals(2, found.size());
        assertEquals(T0.plusSeconds(181).toString(), found.get(1).evidence().get("last_rejected_at"));
        assertEquals(3, watch.rejectedAt().size(), "a SIM keeps as many refusals as make a burst");
    }

    @Test
    void aRadioAccessTypeIsUnexpectedOutsideTheListOrElseWhenTheSimNeverUsedIt() {
        AnomalyRules.ExpectedRatTypes learn = new AnomalyRules.ExpectedRatTypes(true, AnomalyAction.NOTIFY, List.of());
        assertNull(EventRules.unexpectedRatType(learn, SimWatch.NEW, session(DEVICE, "iot", 9)),
                "the first one is learned");
        SimWatch ltem = SimWatch.NEW.learnedRatType(9);
        assertNull(EventRules.unexpectedRatType(learn, ltem, session(DEVICE, "iot", 9)));
        Finding gsm = EventRules.unexpectedRatType(learn, ltem, session(DEVICE, "iot", 2));
        assertNotNull(gsm);
        assertEquals(2, gsm.evidence().get("rat_type"));
        assertEquals(List.of(9), gsm.evidence().get("known_rat_types"));

        AnomalyRules.ExpectedRatTypes listed = new AnomalyRules.ExpectedRatTypes(true, AnomalyAction.NOTIFY,
                List.of(8, 9));
        assertNotNull(EventRules.unexpectedRatType(listed, SimWatch.NEW, session(DEVICE, "iot", 6)),
                "a list is authoritative from the first session on");
        assertNull(EventRules.unexpectedRatType(listed, SimWatch.NEW, session(DEVICE, "iot", 8)));
        assertNull(EventRules.unexpectedRatType(listed, SimWatch.NEW.flaggedRatType(6), session(DEVICE, "iot", 6)),
                "raised once per SIM and type");
        assertNotNull(EventRules.unexpectedRatType(listed, SimWatch.NEW.learnedRatType(6), session(DEVICE, "iot", 6)),
                "a type the SIM used before the list was set is judged by the list");
        assertNull(EventRules.unexpectedRatType(listed, SimWatch.NEW, session(DEVICE, "iot", null)));
    }

    @Test
    void anApnIsUnexpectedOutsideTheListOrElseWhenTheSimNeverUsedIt() {
        AnomalyRules.ExpectedApns learn = new AnomalyRules.ExpectedApns(true, AnomalyAction.NOTIFY, List.of());
        SimWatch iot = SimWatch.NEW.learnedApn("iot");
        Finding other = EventRules.unexpectedApn(learn, iot, session(DEVICE, "internet", 6));
        assertNotNull(other);
        assertEquals("internet", other.evidence().get("apn"));
        assertEquals(List.of("iot"), other.evidence().get("known_apns"));
        AnomalyRules.ExpectedApns listed = new AnomalyRules.ExpectedApns(true, AnomalyAction.NOTIFY, List.of("iot"));
        assertEquals(List.of("iot"), EventRules.unexpectedApn(listed, SimWatch.NEW, session(DEVICE, "internet", 6))
                .evidence().get("expected_apns"));
        assertNull(EventRules.unexpectedApn(listed, SimWatch.NEW, session(DEVICE, "iot", 6)));
        AnomalyRules.ExpectedApns upperCase = new AnomalyRules.ExpectedApns(true, AnomalyAction.NOTIFY,
                List.of("IoT.Acme"));
        assertNull(EventRules.unexpectedApn(upperCase, SimWatch.NEW, session(DEVICE, "iot.acme", 6)),
                "APNs compare without regard to case");
    }

    @Test
    void theReasonsThatMakeABurstAreReasonsTheNetworkRefusesWith() {
        Set<String> codes = Arrays.stream(RejectReason.values()).map(RejectReason::code).collect(Collectors.toSet());
        assertTrue(codes.containsAll(EventRules.BURST_REASONS), () -> EventRules.BURST_REASONS + " within " + codes);
    }

    @Test
    void refusalsOfTheSimsOwnStateMakeNoBurst() {
        AnomalyRules.RejectBurst rule = new AnomalyRules.RejectBurst(true, AnomalyAction.NOTIFY, 2, 60);
        SimWatch watch = SimWatch.NEW;
        for (int second = 0; second < 5; second++) {
            EventRules.Burst burst = EventRules.rejectBurst(rule, watch, new Rejected(UUID.randomUUID(),
                    T0.plusSeconds(second), "sim_not_active", "pgw-1", DEVICE, "iot", 6));
            assertNull(burst.finding(), "a suspended SIM's modem retrying is no anomaly");
            watch = watch.withRejections(burst.recent(), burst.raisedAt());
        }
        assertEquals(List.of(), watch.rejectedAt());
    }

    @Test
    void judgingTeachesTheWatchWhatTheSessionUsed() {
        EventRules.Judgement first = EventRules.judge(RULES, SimWatch.NEW, false, session(DEVICE, "iot", 9));
        assertEquals(List.of(), first.findings());
        assertEquals(new SimWatch(DEVICE, List.of("iot"), List.of(9), List.of(), List.of(), List.of(), null),
                first.after());
        EventRules.Judgement second = EventRules.judge(RULES, first.after(), false,
                session(OTHER_DEVICE, "internet", 2));
        assertEquals(List.of(AnomalyRule.DEVICE_SWAP, AnomalyRule.UNEXPECTED_RAT_TYPE, AnomalyRule.UNEXPECTED_APN),
                second.findings().stream().map(Finding::rule).toList());
        assertEquals(OTHER_DEVICE, second.after().imei());
        assertEquals(List.of(), second.after().flaggedRatTypes(), "learning, a type is known once raised");

        AnomalyRules listed = new AnomalyRules(RULES.deviceSwap(), RULES.authRejectBurst(), RULES.dataUsageSpike(),
                new AnomalyRules.ExpectedRatTypes(true, AnomalyAction.NOTIFY, List.of(9)), RULES.unexpectedApn(), null);
        EventRules.Judgement gsm = EventRules.judge(listed, second.after(), false, session(OTHER_DEVICE, "internet", 2));
        assertEquals(List.of(AnomalyRule.UNEXPECTED_RAT_TYPE), gsm.findings().stream().map(Finding::rule).toList());
        assertEquals(List.of(2), gsm.after().flaggedRatTypes());
        assertEquals(List.of(), EventRules.judge(listed, gsm.after(), false, session(OTHER_DEVICE, "internet", 2))
                .findings(), "raised once per SIM and type");
    }

    @Test
    void aSimForgetsTheOldestOfWhatItLearnedBeyondTheLimit() {
        SimWatch watch = SimWatch.NEW;
        for (int apn = 0; apn <= SimWatch.MAX_LEARNED; apn++) {
            watch = watch.learnedApn("apn" + apn);
        }
        assertEquals(SimWatch.MAX_LEARNED, watch.apns().size());
        assertEquals("apn1", watch.apns().get(0));
    }

    private static SessionStarted session(String imei, String apn, Integer ratType) {
        return new SessionStarted(UUID.randomUUID(), T0, UUID.randomUUID().toString(), "pgw-1", imei, apn, ratType);
    }

    private static Rejected rejected(int second) {
        return new Rejected(UUID.randomUUID(), T0.plusSeconds(second), "imei_mismatch", "pgw-1", OTHER_DEVICE, "iot",
                6);
    }
}
