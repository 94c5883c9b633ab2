package io.cellgate.network.radius;

import io.cellgate.common.Actor;
import io.cellgate.common.Origin;
import io.cellgate.common.id.Iccid;
import io.cellgate.network.decision.DataSessionRules;
import io.cellgate.network.decision.DataSessionRules.SessionFacts;
import io.cellgate.network.decision.DecisionCache;
import io.cellgate.network.decision.RejectReason;
import io.cellgate.network.decision.SimEntry;
import io.cellgate.network.radius.NasDirectory.Registered;
import io.cellgate.ports.DataSessionPort;
import io.cellgate.ports.DataSessionPort.Enforcement;
import io.cellgate.ports.DataSessionPort.LiveSession;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Cuts live sessions that the SIM's decision row no longer allows, and slows down those of a SIM that reached a data
 * limit whose action is "throttle" (a CoA-Request with the rate). A slowed session whose SIM is no longer at its limit
 * (a new period began) is cut, so that the device comes back at full rate: the SIMs with slowed sessions are judged
 * again every minute, as periods turn without any row changing. Whenever a row changes (the SIM or its tenant
 * suspended, its policy changed, its data limit reached, the SIM gone from the tenant), the SIM's live sessions are
 * judged again by the data-session rules with the facts they were opened with; each refused one gets a
 * Disconnect-Request (RFC 5176) at its NAS. Every replica hears of the change, and the database hands each disconnect
 * to one of them. The outcome is recorded on the session. Sessions that stopped reporting are closed as stale.
 */
@ApplicationScoped
public class SessionEnforcement {
    private static final Logger LOG = Logger.getLogger(SessionEnforcement.class);
    /** Why a slowed session is cut: its SIM is no longer at its limit, and a new session runs at full rate. */
    static final String THROTTLE_LIFTED = "throttle_lifted";
    private static final Actor ENFORCER = Actor.networkFunction("radius-enforcement",
            Origin.system("radius-enforcement"));

    @Inject
    DecisionCache decisions;
    @Inject
    DataSessionPort sessions;
    @Inject
    NasDirectory nasClients;
    @Inject
    DynamicAuthorizationClient nasRequests;
    @Inject
    RadiusConfig config;

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            decisions.onChange(this::judge);
        }
    }

    /** Every minute: SIMs with slowed sessions judged again (periods turn without a row changing), stale closed. */
    @Scheduled(every = "60s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (config.enabled() && decisions.complete()) {
            sessions.throttledSims(ENFORCER).subscribe().with(
                    throttled -> {
                        if (!throttled.isEmpty()) {
                            judge(throttled);
                        }
                    },
                    e -> LOG.warnf("RADIUS: slowed sessions could not be read (%s)", e.getMessage()));
        }
        if (config.enabled()) {
            sessions.closeStale(ENFORCER, config.staleAfterIntervals()).subscribe().with(
                    closed -> LOG.debugf("RADIUS: %d stale sessions closed", closed),
                    e -> LOG.warnf("RADIUS: stale sessions could not be closed (%s)", e.getMessage()));
        }
    }

    /** Judges the live sessions of these SIMs again (their decision rows changed, or a session began). */
    void judge(List<Iccid> changed) {
        sessions.liveSessions(ENFORCER, changed).subscribe().with(live -> {
            Map<String, List<UUID>> cut = new HashMap<>();
            List<UUID> slowed = new ArrayList<>();
            for (LiveSession session : live) {
                RejectReason reason = refusal(session);
                if (reason != null) {
                    cut.computeIfAbsent(reason.code(), code -> new ArrayList<>()).add(session.id());
                } else if (throttleKbps(session) > 0) {
                    slowed.add(session.id());
                } else if (session.throttled()) {
                    cut.computeIfAbsent(THROTTLE_LIFTED, code -> new ArrayList<>()).add(session.id());
                }
            }
            cut.forEach((reason, ids) -> enforce(Enforcement.DISCONNECT, ids, reason));
            if (!slowed.isEmpty()) {
                enforce(Enforcement.THROTTLE, slowed, RejectReason.DATA_LIMIT_REACHED.code());
            }
        }, e -> LOG.warnf("RADIUS: live sessions of %d changed SIMs could not be read (%s)", changed.size(),
                e.getMessage()));
    }

    private void enforce(Enforcement action, List<UUID> ids, String reason) {
        sessions.claim(ENFORCER, action, ids, reason).subscribe().with(
                claimed -> claimed.forEach(session -> send(action, session, reason)),
                e -> LOG.warnf("RADIUS: %s requests could not be claimed (%s)", action.column(), e.getMessage()));
    }

    private int throttleKbps(LiveSession session) {
        SimEntry sim = decisions.cached(session.iccid().value());
        return sim == null ? 0 : DataSessionRules.throttleKbps(sim, sim.currentPeriod());
    }

    private RejectReason refusal(LiveSession session) {
        SimEntry sim = decisions.cached(session.iccid().value());
        if (sim == null) {
            return RejectReason.UNKNOWN_SIM;
        }
        long device = session.imei() == null ? -1 : Long.parseLong(session.imei().substring(0, 14));
        return DataSessionRules.refusal(sim, new SessionFacts(session.apn(), device), sim.currentPeriod());
    }

    private void send(Enforcement action, LiveSession session, String reason) {
        Registered nas = nasClients.byId(session.nasId());
        if (nas == null) {
            record(action, session, Map.of("reason", reason, "state", "no_nas_client"));
            return;
        }
        SimEntry sim = decisions.cached(session.iccid().value());
        String imsi = sim == null ? null : String.format("%015d", sim.imsi());
        byte[] secret = nas.client().secret();
        int port = nas.client().coaPort();
        if (action == Enforcement.DISCONNECT) {
            nasRequests.disconnect(session.nasAddress(), port, secret, session.acctSessionId(), imsi,
                            session.framedIp())
                    .subscribe().with(outcome -> record(action, session, outcome.recorded(reason)),
                            e -> record(action, session, Map.of("reason", reason, "state", "error")));
            return;
        }
        int kbps = throttleKbps(session);
        nasRequests.throttle(session.nasAddress(), port, secret, session.acctSessionId(), imsi, session.framedIp(),
                        kbps)
                .subscribe().with(outcome -> record(action, session, outcome.recorded(reason, kbps)),
                        e -> record(action, session, Map.of("reason", reason, "state", "error", "kbps", kbps)));
    }

    private void record(Enforcement action, LiveSession session, Map<String, Object> outcome) {
        sessions.outcome(ENFORCER, action, session.id(), outcome).subscribe().with(done -> { },
                e -> LOG.warnf(e, "RADIUS: the %s outcome of session %s could not be recorded", action.column(),
                        session.id()));
    }
}
