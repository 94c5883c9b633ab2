package io.cellgate.network.decision;

import io.cellgate.common.id.Imei;
import io.cellgate.common.net.Ipv4;
import io.cellgate.ports.Decision;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * One SIM's decision row as the network plane holds it in memory: compact (numbers where the row has digits, the data
 * policy shared between SIMs) and immutable; a change replaces the entry.
 *
 * @param lockedDevice  the TAC and serial (first 14 digits) of the IMEI the SIM is locked to; -1: none
 * @param staticIp      the static IPv4 address as an int; 0: none
 * @param usagePeriod   the period {@code dataBytesUsed} counts ({@link #currentPeriod(int)})
 * @param billingDay    the tenant's billing day: its periods start on this day of each month (1-28, 00:00 UTC)
 */
public record SimEntry(long imsi, String iccid, String tenant, SimState simState, boolean tenantActive,
                       DataPolicy data, ServicePolicy services, LockMode lockMode, long lockedDevice, int staticIp, long dataBytesUsed,
                       int usagePeriod, int billingDay) {

    public enum SimState { READY, ACTIVE, SUSPENDED, TERMINATED }

    public enum LockMode { OFF, LOCKED, LOCK_ON_FIRST_USE }

    /**
     * The entry of a decision row (its data usage is that of the period the row names); {@code iccid} is the row's
     * ICCID, as a string the cache may already hold.
     */
    static SimEntry of(Decision decision, String iccid, DataPolicy data, ServicePolicy services, String tenant) {
        return new SimEntry(Long.parseLong(decision.imsi().value()), iccid, tenant,
                SimState.valueOf(decision.simStatus().toUpperCase(Locale.ROOT)),
                "active".equals(decision.tenantStatus()), data, services, lockMode(decision.imeiLockMode()),
                decision.imei() == null ? -1 : device(Imei.parse(decision.imei())),
                decision.staticIp() == null ? 0 : (int) Ipv4.parse(decision.staticIp()).value(), decision.dataBytesUsed(),
                number(decision.usagePeriodStart()), decision.billingDay());
    }

    /** The data used in the given period: what was counted, or nothing when the period has changed since. */
    public long dataBytesUsedIn(int period) {
        return period == usagePeriod ? dataBytesUsed : 0;
    }

    public SimEntry withUsage(long dataBytes, int period) {
        return new SimEntry(imsi, iccid, tenant, simState, tenantActive, data, services, lockMode, lockedDevice,
                staticIp, dataBytes, period, billingDay);
    }

    /** This entry with the IMEI lock a report of the device left (null: not locked). */
    public SimEntry withLock(Imei lockedTo) {
        return new SimEntry(imsi, iccid, tenant, simState, tenantActive, data, services,
                lockedTo == null ? LockMode.OFF : LockMode.LOCKED, lockedTo == null ? -1 : device(lockedTo), staticIp,
                dataBytesUsed, usagePeriod, billingDay);
    }

    /** This SIM's current usage period. */
    public int currentPeriod() {
        return currentPeriod(billingDay);
    }

    /**
     * The current usage period of a billing day, as the months since year 0 of the month it starts in; computed again
     * only when the period turns (every request asks).
     */
    public static int currentPeriod(int billingDay) {
        long now = System.currentTimeMillis();
        Period period = current[billingDay];
        if (period == null || now < period.startMillis() || now >= period.endMillis()) {
            ZonedDateTime start = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC).minusDays(billingDay - 1L)
                    .withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusDays(billingDay - 1L);
            period = new Period(number(start.toLocalDate()), start.toInstant().toEpochMilli(),
                    start.plusMonths(1).toInstant().toEpochMilli());
            current[billingDay] = period;
        }
        return period.number();
    }

    /** The number of the period that starts on this day (the months since year 0 of its month). */
    public static int number(LocalDate periodStart) {
        return periodStart.getYear() * 12 + periodStart.getMonthValue() - 1;
    }

    private record Period(int number, long startMillis, long endMillis) {
    }

    /** Per billing day, its current period (an element may be stale or missing: it is then computed again). */
    private static final Period[] current = new Period[29];

    /** The number a device is compared by: its TAC and serial, the first 14 digits of its IMEI or IMEISV. */
    public static long device(Imei imei) {
        return Long.parseLong(imei.tacAndSerial());
    }

    private static LockMode lockMode(String mode) {
        return switch (mode == null ? "off" : mode) {
            case "locked" -> LockMode.LOCKED;
            case "lock_on_first_use" -> LockMode.LOCK_ON_FIRST_USE;
            default -> LockMode.OFF;
        };
    }
}
