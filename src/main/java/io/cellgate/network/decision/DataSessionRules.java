package io.cellgate.network.decision;

import io.cellgate.network.decision.SimEntry.LockMode;
import io.cellgate.network.decision.SimEntry.SimState;
import java.util.List;

/**
 * Whether a SIM may open (or keep) a data session: named checks over one snapshot of the SIM's decision row and the
 * facts of the session, each of which allows or refuses with a stable reason. The first refusal decides. The RADIUS
 * server and online charging of 5G data apply the same list, so the two cannot drift apart.
 */
public final class DataSessionRules {

    /** The facts a session request carries: APN, the device's TAC and serial (-1: none reported). */
    public record SessionFacts(String apn, long device) {
    }

    /** One rule: null when it allows, else why it refuses. */
    @FunctionalInterface
    public interface Rule {
        RejectReason check(SimEntry sim, SessionFacts session, int period);
    }

    public static final Rule TENANT_ACTIVE = (sim, session, period) ->
            sim.tenantActive() ? null : RejectReason.TENANT_SUSPENDED;
    public static final Rule SIM_ACTIVE = (sim, session, period) ->
            sim.simState() == SimState.ACTIVE ? null : RejectReason.SIM_NOT_ACTIVE;
    public static final Rule DATA_ENABLED = (sim, session, period) ->
            sim.data().enabled() ? null : RejectReason.DATA_DISABLED;
    public static final Rule APN_ALLOWED = (sim, session, period) ->
            sim.data().apnAllowed(session.apn()) ? null : RejectReason.APN_NOT_ALLOWED;
    /** A locked SIM only in its device; a SIM to be locked on first use needs a device to lock to. */
    public static final Rule IMEI_LOCK_HOLDS = (sim, session, period) -> {
        if (sim.lockMode() == LockMode.OFF || sim.lockMode() == LockMode.LOCK_ON_FIRST_USE && sim.lockedDevice() < 0
                && session.device() >= 0) {
            return null;
        }
        if (session.device() < 0) {
            return RejectReason.IMEI_MISSING;
        }
        return session.device() == sim.lockedDevice() ? null : RejectReason.IMEI_MISMATCH;
    };
    /** At a limit whose action is "throttle" the session stays (slowed down by the NAS), so only "block" refuses. */
    public static final Rule WITHIN_DATA_LIMIT = (sim, session, period) ->
            !sim.data().hasDataLimit() || sim.data().throttleAtLimit()
                    || sim.dataBytesUsedIn(period) < sim.data().dataLimitBytes() ? null : RejectReason.DATA_LIMIT_REACHED;

    /** What online charging asks before it looks at the quota, which it then grants within the limit itself. */
    public static final List<Rule> BEFORE_QUOTA = List.of(TENANT_ACTIVE, SIM_ACTIVE, DATA_ENABLED, APN_ALLOWED,
            IMEI_LOCK_HOLDS);
    public static final List<Rule> DATA_SESSION = List.of(TENANT_ACTIVE, SIM_ACTIVE, DATA_ENABLED, APN_ALLOWED,
            IMEI_LOCK_HOLDS, WITHIN_DATA_LIMIT);

    private DataSessionRules() {
    }

    /**
     * The rate (kbit/s) the SIM's sessions are slowed to: it reached its data limit in the period and the limit's
     * action is "throttle"; 0 when they run at full rate.
     */
    public static int throttleKbps(SimEntry sim, int period) {
        DataPolicy data = sim.data();
        return data.hasDataLimit() && data.throttleAtLimit() && data.throttleKbps() > 0
                && sim.dataBytesUsedIn(period) >= data.dataLimitBytes() ? data.throttleKbps() : 0;
    }

    /** The first refusal of the data-session rules, or null when the session may go ahead. */
    public static RejectReason refusal(SimEntry sim, SessionFacts session, int period) {
        return refusal(DATA_SESSION, sim, session, period);
    }

    /** The first refusal of these rules, or null when none refuses. */
    public static RejectReason refusal(List<Rule> rules, SimEntry sim, SessionFacts session, int period) {
        for (Rule rule : rules) {
            RejectReason reason = rule.check(sim, session, period);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }
}
