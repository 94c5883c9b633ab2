package io.cellgate.network.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cellgate.network.decision.DataSessionRules.SessionFacts;
import io.cellgate.network.decision.SimEntry.LockMode;
import io.cellgate.network.decision.SimEntry.SimState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The data-session rules one by one, over decision rows made here: no database. */
@Tag("unit")
class DataSessionRulesTest {
    private static final int PERIOD = 2026 * 12 + 11;
    private static final long DEVICE = 35693803564380L;
    private static final DataPolicy OPEN = DataPolicy.of(Map.of());
    private static final SessionFacts ANY = new SessionFacts("iot.acme", DEVICE);

    private static SimEntry sim(SimState state, boolean tenantActive, DataPolicy data, LockMode lock, long locked,
                                long used, int period) {
        return new SimEntry(262011234567890L, "89490200001234567890", "acme", state, tenantActive, data,
                ServicePolicy.of(Map.of()), lock, locked, 0, used, period, 1);
    }

    private static SimEntry active(DataPolicy data) {
        return sim(SimState.ACTIVE, true, data, LockMode.OFF, -1, 0, PERIOD);
    }

    @Test
    void anActiveSimOfAnActiveTenantWithAnOpenPolicyMayOpenASession() {
        assertNull(DataSessionRules.refusal(active(OPEN), ANY, PERIOD));
    }

    @Test
    void theTenantMustBeActive() {
        assertEquals(RejectReason.TENANT_SUSPENDED, DataSessionRules.refusal(
                sim(SimState.ACTIVE, false, OPEN, LockMode.OFF, -1, 0, PERIOD), ANY, PERIOD));
    }

    @Test
    void theSimMustBeActive() {
        for (SimState state : List.of(SimState.READY, SimState.SUSPENDED, SimState.TERMINATED)) {
            assertEquals(RejectReason.SIM_NOT_ACTIVE, DataSessionRules.SIM_ACTIVE.check(
                    sim(state, true, OPEN, LockMode.OFF, -1, 0, PERIOD), ANY, PERIOD));
        }
    }

    @Test
    void dataMustBeEnabledAndTheApnAllowedIgnoringCase() {
        DataPolicy off = DataPolicy.of(Map.of("data", Map.of("enabled", false)));
        DataPolicy apns = DataPolicy.of(Map.of("data", Map.of("apns", List.of("IoT.Acme"))));
        assertEquals(RejectReason.DATA_DISABLED, DataSessionRules.refusal(active(off), ANY, PERIOD));
        assertNull(DataSessionRules.refusal(active(apns), ANY, PERIOD));
        assertEquals(RejectReason.APN_NOT_ALLOWED, DataSessionRules.refusal(active(apns),
                new SessionFacts("internet", DEVICE), PERIOD));
        assertEquals(RejectReason.APN_NOT_ALLOWED, DataSessionRules.refusal(active(apns),
                new SessionFacts(null, DEVICE), PERIOD));
    }

    @Test
    void aLockedSimOnlyInItsDeviceAndALockOnFirstUseNeedsADevice() {
        SimEntry locked = sim(SimState.ACTIVE, true, OPEN, LockMode.LOCKED, DEVICE, 0, PERIOD);
        SimEntry firstUse = sim(SimState.ACTIVE, true, OPEN, LockMode.LOCK_ON_FIRST_USE, -1, 0, PERIOD);
        assertNull(DataSessionRules.IMEI_LOCK_HOLDS.check(locked, ANY, PERIOD));
        assertEquals(RejectReason.IMEI_MISMATCH, DataSessionRules.IMEI_LOCK_HOLDS.check(locked,
                new SessionFacts(null, 49015420323751L), PERIOD));
        assertEquals(RejectReason.IMEI_MISSING, DataSessionRules.IMEI_LOCK_HOLDS.check(locked,
                new SessionFacts(null, -1), PERIOD));
        assertNull(DataSessionRules.IMEI_LOCK_HOLDS.check(firstUse, ANY, PERIOD));
        assertEquals(RejectReason.IMEI_MISSING, DataSessionRules.IMEI_LOCK_HOLDS.check(firstUse,
                new SessionFacts(null, -1), PERIOD));
    }

    @Test
    void aBlockingDataLimitRefusesOnceReachedInTheCurrentPeriodOnly() {
        DataPolicy block = DataPolicy.of(Map.of("limits", Map.of("data_bytes", Map.of("limit", 1000))));
        DataPolicy throttle = DataPolicy.of(Map.of("limits", Map.of("data_bytes",
                Map.of("limit", 1000, "action", "throttle"))));
        SimEntry below = sim(SimState.ACTIVE, true, block, LockMode.OFF, -1, 999, PERIOD);
        SimEntry reached = sim(SimState.ACTIVE, true, block, LockMode.OFF, -1, 1000, PERIOD);
        assertNull(DataSessionRules.WITHIN_DATA_LIMIT.check(below, ANY, PERIOD));
        assertEquals(RejectReason.DATA_LIMIT_REACHED, DataSessionRules.WITHIN_DATA_LIMIT.check(reached, ANY, PERIOD));
        assertNull(DataSessionRules.WITHIN_DATA_LIMIT.check(reached, ANY, PERIOD + 1), "a new month lifts the block");
        assertNull(DataSessionRules.WITHIN_DATA_LIMIT.check(
                sim(SimState.ACTIVE, true, throttle, LockMode.OFF, -1, 5000, PERIOD), ANY, PERIOD));
    }

    @Test
    void theCurrentPeriodIsTheUtcCalendarMonthUnlessTheTenantBillsFromAnotherDay() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        assertEquals(today.getYear() * 12 + today.getMonthValue() - 1, SimEntry.currentPeriod(1));
        assertEquals(SimEntry.currentPeriod(1), SimEntry.currentPeriod(1), "cached until the period turns");
        for (int billingDay = 2; billingDay <= 28; billingDay++) {
            java.time.LocalDate start = today.getDayOfMonth() >= billingDay ? today.withDayOfMonth(billingDay)
                    : today.minusMonths(1).withDayOfMonth(billingDay);
            assertEquals(start.getYear() * 12 + start.getMonthValue() - 1, SimEntry.currentPeriod(billingDay),
                    "billing day " + billingDay);
        }
    }

    @Test
    void theFirstRefusalDecides() {
        SimEntry everythingWrong = sim(SimState.SUSPENDED, false, DataPolicy.of(Map.of("data",
                Map.of("enabled", false))), LockMode.LOCKED, 1, 0, PERIOD);
        assertEquals(RejectReason.TENANT_SUSPENDED, DataSessionRules.refusal(everythingWrong, ANY, PERIOD));
    }
}
