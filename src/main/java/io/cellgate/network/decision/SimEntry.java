package io.cellgate.network.decision;

import io.cellgate.common.id.Imei;
import io.cellgate.common.net.Ipv4;
import io.cellgate.ports.Decision;
import java.time.Instant;
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
 * @param usagePeriod   the month {@code dataBytesUsed} counts ({@link #period})
 */
public record SimEntry(long imsi, String iccid, String tenant, SimState simState, boolean tenantActive,
                       DataPolicy data, LockMode lockMode, long lockedDevice, int staticIp, long dataBytesUsed,
                       int usagePeriod) {

    public enum SimState { READY, ACTIVE, SUSPENDED, TERMINATED }

    public enum LockMode { OFF, LOCKED, LOCK_ON_FIRST_USE }

    /** The entry of a decision row read in {@code readPeriod} (its data usage is that period's). */
    static SimEntry of(Decision decision, DataPolicy data, String tenant, int readPeriod) {
        return new SimEntry(Long.parseLong(decision.imsi().value()), decision.iccid().value(), tenant,
                SimState.valueOf(decision.simStatus().toUpperCase(Locale.ROOT)),
                "active".equals(decision.tenantStatus()), data, lockMode(decision.imeiLockMode()),
                decision.imei() == null ? -1 : device(Imei.parse(decision.imei())),
                decision.staticIp() == null ? 0 : (int) Ipv4.parse(decision.staticIp()).value(), decision.dataBytesUsed(), readPeriod);
    }

    /** The data used in the given period: what was counted, or nothing when the period has changed since. */
    public long dataBytesUsedIn(int period) {
        return period == usagePeriod ? dataBytesUsed : 0;
    }

    public SimEntry withUsage(long dataBytes, int period) {
        return new SimEntry(imsi, iccid, tenant, simState, tenantActive, data, lockMode, lockedDevice, staticIp,
                dataBytes, period);
    }

    /** The usage period (UTC calendar month) of an instant, as months since year 0. */
    private static int period(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        return utc.getYear() * 12 + utc.getMonthValue() - 1;
    }

    /** The current period, computed again only when the month turns (every request asks). */
    public static int currentPeriod() {
        long now = System.currentTimeMillis();
        Month month = current;
        if (now < month.startMillis() || now >= month.endMillis()) {
            ZonedDateTime start = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC).withDayOfMonth(1)
                    .truncatedTo(ChronoUnit.DAYS);
            month = new Month(period(start.toInstant()), start.toInstant().toEpochMilli(),
                    start.plusMonths(1).toInstant().toEpochMilli());
            current = month;
        }
        return month.period();
    }

    private record Month(int period, long startMillis, long endMillis) {
    }

    private static volatile Month current = new Month(0, 0, 0);

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
