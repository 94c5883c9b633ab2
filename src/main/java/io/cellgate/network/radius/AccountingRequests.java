package io.cellgate.network.radius;

import io.cellgate.common.Actor;
import io.cellgate.common.Origin;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.net.Ipv4;
import io.cellgate.network.decision.DataSessionRules;
import io.cellgate.network.decision.DecisionCache;
import io.cellgate.network.decision.SimEntry;
import io.cellgate.network.radius.NasDirectory.Registered;
import io.cellgate.network.radius.codec.AttributeType;
import io.cellgate.network.radius.codec.MalformedPacket;
import io.cellgate.network.radius.codec.PacketSigning;
import io.cellgate.network.radius.codec.RadiusAttribute;
import io.cellgate.network.radius.codec.RadiusPacket;
import io.cellgate.ports.DataSessionPort;
import io.cellgate.ports.DataSessionPort.Accounted;
import io.cellgate.ports.DataSessionPort.AccountingReport;
import io.cellgate.ports.DataSessionPort.Kind;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Accounting (RFC 2866): Start, Interim-Update and Stop become sessions and exact usage; Accounting-On and -Off (the
 * NAS restarted or goes down) close its live sessions. The Accounting-Response goes
 * out only once the report is committed. Reports are committed in groups: while transactions are in flight (a few at
 * once, {@code cellgate.radius.accounting-commits}) the next reports queue up and go together in the next one, so a
 * busy server commits hundreds per transaction and an idle one waits for nobody. Batches lock sessions and counters in
 * key order, so that two of them never wait for each other in a circle. A report the database could not take is not
 * answered: the NAS sends it again.
 */
@ApplicationScoped
public class AccountingRequests {
    private static final Logger LOG = Logger.getLogger(AccountingRequests.class);
    private static final Actor WRITER = Actor.networkFunction("radius-accounting", Origin.system("radius-accounting"));
    private static final int START = 1;
    private static final int STOP = 2;
    private static final int INTERIM_UPDATE = 3;
    private static final int ACCOUNTING_ON = 7;
    private static final int ACCOUNTING_OFF = 8;
    private static final int MAX_SESSION_ID = 253;

    @Inject
    DecisionCache decisions;
    @Inject
    DataSessionPort sessions;
    @Inject
    RadiusMetrics metrics;
    @Inject
    RadiusConfig config;
    @Inject
    SessionEnforcement enforcement;

    private record Pending(AccountingReport report, Registered nas, RadiusPacket request, UniEmitter<? super byte[]> answer) {
    }

    private final List<Pending> queue = new ArrayList<>();
    private int committing;
    /** Per SIM, the warning level last recorded in a period, so that each threshold is recorded once. */
    private final Map<String, Long> recordedLevels = new ConcurrentHashMap<>();

    /** {@code source} is the address the request came from (where disconnects go). */
    Uni<byte[]> answer(Registered nas, String source, RadiusPacket request) throws MalformedPacket {
        long status = request.unsignedInt(AttributeType.ACCT_STATUS_TYPE);
        if (status == ACCOUNTING_ON || status == ACCOUNTING_OFF) {
            metrics.accounted(status == ACCOUNTING_ON ? "accounting_on" : "accounting_off");
            return sessions.nasRestarted(WRITER, nas.client().id()).map(closed -> response(nas, request));
        }
        Kind kind = switch ((int) status) {
            case START -> Kind.START;
            case STOP -> Kind.STOP;
            case INTERIM_UPDATE -> Kind.INTERIM;
            default -> throw new MalformedPacket("bad_status_type");
        };
        String sessionId = request.text(AttributeType.ACCT_SESSION_ID);
        if (sessionId == null || sessionId.isEmpty() || sessionId.length() > MAX_SESSION_ID
                || sessionId.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new MalformedPacket("bad_session_id");
        }
        long input = octets(request, AttributeType.ACCT_INPUT_OCTETS, AttributeType.ACCT_INPUT_GIGAWORDS);
        long output = octets(request, AttributeType.ACCT_OUTPUT_OCTETS, AttributeType.ACCT_OUTPUT_GIGAWORDS);
        String stopCause = kind == Kind.STOP ? terminateCause(request) : null;
        SessionRequest session = SessionRequest.of(request);
        RadiusAttribute framed = request.first(AttributeType.FRAMED_IP_ADDRESS);
        if (framed != null && framed.value().length != 4) {
            throw new MalformedPacket("bad_attribute");
        }
        if (session.imsi() == null) {
            metrics.accountingIgnored("unknown_sim");
            return Uni.createFrom().item(response(nas, request));
        }
        return decisions.byImsi(session.imsi()).flatMap(sim -> {
            if (sim == null) {
                metrics.accountingIgnored("unknown_sim");
                return Uni.createFrom().item(response(nas, request));
            }
            AccountingReport report = new AccountingReport(nas.client().id(), nas.client().name(),
                    source,
                    sessionId, TenantId.parse(sim.tenant()), Iccid.parse(sim.iccid()), kind, input, output,
                    framed == null ? null : new Ipv4(framed.unsignedInt()).toString(), session.imei() == null ? null : session.imei().value(),
                    session.apn(), session.ratType(), config.interimIntervalSeconds(), stopCause, Instant.now());
            return Uni.createFrom().<byte[]>emitter(answer -> enqueue(new Pending(report, nas, request, answer)))
                    .invoke(answered -> metrics.accounted(kind.name().toLowerCase(Locale.ROOT)));
        });
    }

    private void enqueue(Pending pending) {
        synchronized (this) {
            queue.add(pending);
            if (committing >= config.accountingCommits()) {
                return;
            }
            committing++;
        }
        commitNext();
    }

    /** Commits the next batch in this commit's slot, or frees the slot when nothing waits. */
    private void commitNext() {
        List<Pending> batch;
        synchronized (this) {
            if (queue.isEmpty()) {
                committing--;
                return;
            }
            int size = Math.min(queue.size(), config.accountingBatch());
            batch = new ArrayList<>(queue.subList(0, size));
            queue.subList(0, size).clear();
        }
        sessions.accounted(WRITER, batch.stream().map(Pending::report).toList()).subscribe().with(results -> {
            batch.forEach(pending -> pending.answer().complete(response(pending.nas(), pending.request())));
            results.forEach(this::counted);
            slowedFromTheStart(batch);
            commitNext();
        }, e -> {
            LOG.warnf("%d accounting reports could not be committed (%s); the NAS will send them again", batch.size(),
                    e.getMessage());
            batch.forEach(pending -> pending.answer().fail(e));
            commitNext();
        });
    }

    /** After a commit: this replica's copy learns the usage, and thresholds crossed are recorded (once a period). */
    private void counted(Accounted accounted) {
        String iccid = accounted.iccid().value();
        SimEntry sim = decisions.cached(iccid);
        if (sim == null) {
            return;
        }
        int period = SimEntry.number(accounted.period());
        decisions.usageCounted(iccid, accounted.periodDataBytes(), period);
        if (!sim.data().hasDataLimit()) {
            return;
        }
        long limit = sim.data().dataLimitBytes();
        List<Integer> crossed = new ArrayList<>();
        for (int percent : sim.data().warnPercents()) {
            if (accounted.periodDataBytes() * 100 >= (long) percent * limit) {
                crossed.add(percent);
            }
        }
        boolean reached = accounted.periodDataBytes() >= limit;
        long level = (long) period * 1000 + crossed.size() * 2L + (reached ? 1 : 0);
        if (crossed.isEmpty() && !reached || Long.valueOf(level).equals(recordedLevels.put(iccid, level))) {
            return;
        }
        sessions.dataThresholds(WRITER, accounted.tenant(), accounted.iccid(), accounted.period(), crossed, reached)
                .subscribe().with(
                recorded -> { },
                e -> {
                    recordedLevels.remove(iccid);
                    LOG.warnf("the data thresholds of SIM %s could not be recorded (%s)", iccid, e.getMessage());
                });
    }

    /**
     * A session that begins while its SIM is throttled was slowed by its Access-Accept: it is judged at once, so that
     * the throttle is recorded on it (a CoA-Request at the same rate) and lifted with the others when the period
     * turns.
     */
    private void slowedFromTheStart(List<Pending> batch) {
        List<Iccid> slowed = new ArrayList<>();
        for (Pending pending : batch) {
            SimEntry sim = pending.report().kind() == Kind.START ? decisions.cached(pending.report().iccid().value())
                    : null;
            if (sim != null && DataSessionRules.throttleKbps(sim, sim.currentPeriod()) > 0) {
                slowed.add(pending.report().iccid());
            }
        }
        if (!slowed.isEmpty()) {
            enforcement.judge(slowed);
        }
    }

    private static byte[] response(Registered nas, RadiusPacket request) {
        return PacketSigning.response(RadiusPacket.ACCOUNTING_RESPONSE, request, List.of(), nas.client().secret());
    }

    /** Octets with their Gigawords (RFC 2869 §5.1): how many times the 32-bit counter wrapped. */
    private static long octets(RadiusPacket request, int octets, int gigawords) throws MalformedPacket {
        long low = Math.max(0, request.unsignedInt(octets));
        long high = Math.max(0, request.unsignedInt(gigawords));
        return (high << 32) + low;
    }

    private static String terminateCause(RadiusPacket request) throws MalformedPacket {
        long cause = request.unsignedInt(AttributeType.ACCT_TERMINATE_CAUSE);
        return cause < 0 ? "stop" : "stop:" + cause;
    }
}
