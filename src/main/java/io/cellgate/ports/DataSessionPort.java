package io.cellgate.ports;

import io.cellgate.common.Actor;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the data path reports, written by the management plane on the network function's behalf: refused access
 * requests, accounting (sessions and exact usage), limits reached, and the disconnects sent to cut sessions.
 */
public interface DataSessionPort {

    /** Keeps refused access requests for their tenants (SIMs of no tenant are not kept). */
    Uni<Void> rejected(Actor nas, List<Rejection> rejections);

    /**
     * Commits accounting reports in one transaction, durably: the sessions' highest cumulative counters, and what each
     * report adds to them counted into its SIM's usage of the current period. A report whose counters are not above
     * the session's (a retransmission, a duplicate, one overtaken by a later one) adds nothing.
     */
    Uni<List<Accounted>> accounted(Actor nas, List<AccountingReport> reports);

    /**
     * Records, once per period (the one the usage was counted in), the data warning thresholds (percent of the
     * limit) that a SIM's usage has crossed and whether it reached the limit. Answers what was recorded now (not
     * already before). A limit reached now is announced as a change of the SIM's decision row
     * ({@link DecisionReadPort#CHANGES}).
     */
    Uni<Thresholds> dataThresholds(Actor nas, TenantId tenant, Iccid iccid, LocalDate period,
                                   List<Integer> warnPercents, boolean limitReached);

    /** The SIMs that have live sessions slowed down by a CoA-Request (to see whether they still should be). */
    Uni<List<Iccid>> throttledSims(Actor nas);

    /** The sessions of these SIMs that are not stopped. */
    Uni<List<LiveSession>> liveSessions(Actor nas, List<Iccid> iccids);

    /**
     * Claims the sending of a request to the NAS about these sessions (cut them, or slow them down), for this reason:
     * answers the ones claimed now (a session already handled for this action and reason, by this replica or
     * another, is not claimed twice).
     */
    Uni<List<LiveSession>> claim(Actor nas, Enforcement action, List<UUID> sessions, String reason);

    /** The outcome of a request to the NAS, recorded on its session: ack, nak (with the Error-Cause) or timeout. */
    Uni<Void> outcome(Actor nas, Enforcement action, UUID session, Map<String, Object> outcome);

    /**
     * The NAS restarted or is going down (Accounting-On or -Off): its live sessions are over. Answers how many were
     * closed.
     */
    Uni<Integer> nasRestarted(Actor nas, UUID nasId);

    /** Closes the live sessions that missed this many of their interim updates in a row; answers how many. */
    Uni<Integer> closeStale(Actor nas, int intervals);

    /**
     * What Cellgate asks of a NAS about a live session (RFC 5176): to cut it (Disconnect-Request), or to slow it down
     * to the rate of a data limit whose action is "throttle" (CoA-Request). Each is recorded on the session under its
     * name.
     */
    enum Enforcement {
        DISCONNECT("disconnect"), THROTTLE("throttle");

        private final String column;

        Enforcement(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }
    }

    record Rejection(TenantId tenant, Iccid iccid, Instant at, String reason, String nasName, String apn, String imei,
                     Integer ratType) {
    }

    /**
     * One Accounting-Request (Start, Interim-Update or Stop) of a known SIM; octets include the Gigawords, ratType is
     * the 3GPP-RAT-Type (null: not reported).
     */
    enum Kind { START, INTERIM, STOP }

    record AccountingReport(UUID nasId, String nasName, String nasAddress, String acctSessionId, TenantId tenant, Iccid iccid,
                            Kind kind, long inputOctets, long outputOctets, String framedIp, String imei, String apn,
                            Integer ratType, int interimInterval, String stopCause, Instant at) {
    }

    /**
     * A session after a commit, with its SIM's data usage (both directions, bytes) in the period it was counted in
     * (named by its first day, as the database's clock had it at the commit).
     */
    record Accounted(UUID sessionId, UUID nasId, String acctSessionId, TenantId tenant, Iccid iccid,
                     LocalDate period, long periodDataBytes, boolean stopped) {
    }

    record Thresholds(List<Integer> warnedNow, boolean limitReachedNow) {
    }

    /** A session not stopped; {@code throttled}: a CoA-Request has slowed it down. */
    record LiveSession(UUID id, UUID nasId, String nasAddress, String acctSessionId, TenantId tenant, Iccid iccid,
                       String framedIp, String imei, String apn, boolean throttled) {
    }
}
