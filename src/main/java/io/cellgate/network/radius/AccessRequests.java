package io.cellgate.network.radius;

import io.cellgate.common.Actor;
import io.cellgate.common.Origin;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import io.cellgate.network.decision.DataSessionRules;
import io.cellgate.network.decision.DataSessionRules.SessionFacts;
import io.cellgate.network.decision.DecisionCache;
import io.cellgate.network.decision.RejectReason;
import io.cellgate.network.decision.SimEntry;
import io.cellgate.network.decision.SimEntry.LockMode;
import io.cellgate.network.radius.NasDirectory.Registered;
import io.cellgate.network.radius.codec.AttributeType;
import io.cellgate.network.radius.codec.MalformedPacket;
import io.cellgate.network.radius.codec.PacketSigning;
import io.cellgate.network.radius.codec.RadiusAttribute;
import io.cellgate.network.radius.codec.RadiusPacket;
import io.cellgate.ports.DataSessionPort.Rejection;
import io.cellgate.ports.NetworkReportPort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Decides Access-Requests (RFC 2865, 3GPP TS 29.061 §16): finds the SIM, applies the data-session rules to its decision
 * row and answers Access-Accept with Framed-IP-Address (a static IP), Acct-Interim-Interval, a Class naming the
 * decision, the destination allow-list as NAS-Filter-Rule (RFC 4849) and, for a SIM throttled at its data limit, the
 * rate as WISPr-Bandwidth-Max-Up/Down; or Access-Reject with the reason as
 * Reply-Message. A SIM to be IMEI-locked on first use is locked to the reported device first, as the NAS's action.
 */
@ApplicationScoped
public class AccessRequests {
    @Inject
    DecisionCache decisions;
    @Inject
    NetworkReportPort reports;
    @Inject
    AuthEvents authEvents;
    @Inject
    RadiusMetrics metrics;
    @Inject
    RadiusConfig config;

    Uni<byte[]> answer(Registered nas, RadiusPacket request) throws MalformedPacket {
        SessionRequest session = SessionRequest.of(request);
        if (session.imsi() == null) {
            return Uni.createFrom().item(reject(nas, request, null, session, RejectReason.UNKNOWN_SIM));
        }
        SimEntry cached = decisions.cached(session.imsi());
        if (cached != null) {
            return decide(nas, request, cached, session);
        }
        return decisions.byImsi(session.imsi()).flatMap(sim -> decide(nas, request, sim, session));
    }

    private Uni<byte[]> decide(Registered nas, RadiusPacket request, SimEntry sim, SessionRequest session) {
        if (sim == null) {
            return Uni.createFrom().item(reject(nas, request, null, session, RejectReason.UNKNOWN_SIM));
        }
        if (sim.lockMode() == LockMode.LOCK_ON_FIRST_USE && sim.lockedDevice() < 0 && session.imei() != null
                && DataSessionRules.refusal(sim, facts(session), sim.currentPeriod()) == null) {
            return lockOnFirstUse(nas, sim, session).map(locked -> answer(nas, request, locked, session));
        }
        return Uni.createFrom().item(answer(nas, request, sim, session));
    }

    /** The device becomes the SIM's lock, as this NAS's action; the entry then holds the lock as it stands. */
    private Uni<SimEntry> lockOnFirstUse(Registered nas, SimEntry sim, SessionRequest session) {
        Actor reporter = Actor.networkFunction(nas.actor().subject(), new Origin("RADIUS",
                "/radius/access-request/" + sim.iccid(), "imei.lock_on_first_use", nas.actor().origin().clientIp(),
                null, UUID.randomUUID().toString()));
        return reports.imeiSeen(reporter, session.imsi(), session.imei()).map(seen -> {
            if (seen == null) {
                return sim;
            }
            return sim.withLock(seen.lockedTo());
        });
    }

    private byte[] answer(Registered nas, RadiusPacket request, SimEntry sim, SessionRequest session) {
        int period = sim.currentPeriod();
        RejectReason refusal = DataSessionRules.refusal(sim, facts(session), period);
        if (refusal != null) {
            return reject(nas, request, sim, session, refusal);
        }
        List<RadiusAttribute> attributes = new ArrayList<>();
        if (sim.staticIp() != 0) {
            attributes.add(RadiusAttribute.address(AttributeType.FRAMED_IP_ADDRESS, sim.staticIp()));
        }
        attributes.add(RadiusAttribute.integer(AttributeType.ACCT_INTERIM_INTERVAL, config.interimIntervalSeconds()));
        attributes.add(RadiusAttribute.text(AttributeType.CLASS, "cellgate:" + sim.iccid() + ":"
                + Instant.now().getEpochSecond()));
        attributes.addAll(filterRules(sim.data().filterRules()));
        int throttleKbps = DataSessionRules.throttleKbps(sim, period);
        if (throttleKbps > 0) {
            attributes.addAll(DynamicAuthorizationClient.bandwidth(throttleKbps));
        }
        if (RadiusPacket.HEADER_LENGTH + 18 + attributes.stream().mapToInt(a -> a.value().length + 2).sum()
                > RadiusPacket.MAX_LENGTH) {
            return reject(nas, request, sim, session, RejectReason.POLICY_TOO_LARGE);
        }
        metrics.accepted();
        return PacketSigning.response(RadiusPacket.ACCESS_ACCEPT, request, attributes, nas.client().secret());
    }

    private byte[] reject(Registered nas, RadiusPacket request, SimEntry sim, SessionRequest session,
                          RejectReason reason) {
        metrics.rejected(reason.code());
        if (sim != null) {
            authEvents.add(new Rejection(TenantId.parse(sim.tenant()), Iccid.parse(sim.iccid()), Instant.now(),
                    reason.code(), nas.client().name(), session.apn(),
                    session.imei() == null ? null : session.imei().value(), session.ratType()));
        }
        return PacketSigning.response(RadiusPacket.ACCESS_REJECT, request, List.of(RadiusAttribute.text(
                AttributeType.REPLY_MESSAGE, reason.code() + ": " + reason.meaning())), nas.client().secret());
    }

    /** RFC 4849: the rules, each ended by a NUL, concatenated and cut into attributes of at most 253 octets. */
    static List<RadiusAttribute> filterRules(List<String> rules) {
        if (rules.isEmpty()) {
            return List.of();
        }
        byte[] all = (String.join("\0", rules) + "\0").getBytes(StandardCharsets.US_ASCII);
        List<RadiusAttribute> attributes = new ArrayList<>();
        for (int at = 0; at < all.length; at += RadiusAttribute.MAX_VALUE_LENGTH) {
            attributes.add(new RadiusAttribute(AttributeType.NAS_FILTER_RULE, Arrays.copyOfRange(all, at,
                    Math.min(all.length, at + RadiusAttribute.MAX_VALUE_LENGTH))));
        }
        return attributes;
    }

    private static SessionFacts facts(SessionRequest session) {
        return new SessionFacts(session.apn(), session.device());
    }
}
