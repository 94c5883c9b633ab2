package io.cellgate.network.radius;

import io.cellgate.common.net.Ipv4;
import io.cellgate.network.radius.codec.AttributeType;
import io.cellgate.network.radius.codec.MalformedPacket;
import io.cellgate.network.radius.codec.PacketSigning;
import io.cellgate.network.radius.codec.RadiusAttribute;
import io.cellgate.network.radius.codec.RadiusPacket;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends Disconnect-Requests and CoA-Requests (RFC 5176) to a NAS's Dynamic Authorization port and waits for the
 * answer: ACK, NAK with its Error-Cause, or a timeout after the configured attempts (the same packet again, waiting
 * twice as long each time). An answer counts only when it comes from the NAS's address and port, matches a pending
 * identifier and carries a correct Response Authenticator.
 */
@ApplicationScoped
public class DynamicAuthorizationClient {
    /** WISPr's vendor id and its bandwidth attributes (bit/s), which packet gateways read from a CoA-Request. */
    static final int VENDOR_WISPR = 14122;
    static final int WISPR_BANDWIDTH_MAX_UP = 7;
    static final int WISPR_BANDWIDTH_MAX_DOWN = 8;

    @Inject
    Vertx vertx;
    @Inject
    RadiusConfig config;
    @Inject
    RadiusMetrics metrics;

    private DatagramSocket socket;
    private int nextIdentifier;
    private final Map<Integer, Outstanding> outstanding = new ConcurrentHashMap<>();

    /** The outcome of a request: ack, nak (with the NAS's Error-Cause, RFC 5176 §3.5) or timeout. */
    public record Outcome(String state, Long errorCause, int attempts) {
        Map<String, Object> recorded(String reason) {
            Map<String, Object> recorded = new HashMap<>(Map.of("reason", reason, "state", state, "attempts",
                    attempts));
            if (errorCause != null) {
                recorded.put("error_cause", errorCause);
            }
            return recorded;
        }

        Map<String, Object> recorded(String reason, int kbps) {
            Map<String, Object> recorded = recorded(reason);
            recorded.put("kbps", kbps);
            return recorded;
        }
    }

    private record Outstanding(int code, String host, int port, byte[] request, byte[] secret,
                               UniEmitter<? super Outcome> done,
                               AtomicInteger attempts) {
    }

    /** Disconnects a session: its Acct-Session-Id, and the SIM's IMSI as User-Name and its address when known. */
    public Uni<Outcome> disconnect(String host, int port, byte[] secret, String acctSessionId, String imsi,
                                   String framedIp) {
        return request(RadiusPacket.DISCONNECT_REQUEST, host, port, secret,
                identification(acctSessionId, imsi, framedIp));
    }

    /** Slows a session down to {@code kbps} in both directions (a CoA-Request naming it as a disconnect does). */
    public Uni<Outcome> throttle(String host, int port, byte[] secret, String acctSessionId, String imsi,
                                 String framedIp, int kbps) {
        List<RadiusAttribute> attributes = identification(acctSessionId, imsi, framedIp);
        attributes.addAll(bandwidth(kbps));
        return request(RadiusPacket.COA_REQUEST, host, port, secret, attributes);
    }

    /** The WISPr bandwidth attributes for a rate in kbit/s, as sent in a CoA-Request or an Access-Accept. */
    static List<RadiusAttribute> bandwidth(int kbps) {
        long bitsPerSecond = Math.min(kbps * 1000L, 0xFFFFFFFFL);
        return List.of(RadiusAttribute.vendor(VENDOR_WISPR, WISPR_BANDWIDTH_MAX_UP, bitsPerSecond),
                RadiusAttribute.vendor(VENDOR_WISPR, WISPR_BANDWIDTH_MAX_DOWN, bitsPerSecond));
    }

    private static List<RadiusAttribute> identification(String acctSessionId, String imsi, String framedIp) {
        List<RadiusAttribute> attributes = new ArrayList<>();
        if (imsi != null) {
            attributes.add(RadiusAttribute.text(AttributeType.USER_NAME, imsi));
        }
        attributes.add(RadiusAttribute.text(AttributeType.ACCT_SESSION_ID, acctSessionId));
        if (framedIp != null && framedIp.indexOf(':') < 0) {
            attributes.add(RadiusAttribute.address(AttributeType.FRAMED_IP_ADDRESS, (int) Ipv4.parse(framedIp).value()));
        }
        return attributes;
    }

    private Uni<Outcome> request(int code, String host, int port, byte[] secret, List<RadiusAttribute> attributes) {
        String kind = code == RadiusPacket.COA_REQUEST ? "coa" : "disconnect";
        return Uni.createFrom().<Outcome>emitter(done -> send(code, host, port, secret, attributes, done))
                .invoke(outcome -> metrics.dynamicAuthorization(kind, outcome.state()));
    }

    private synchronized void send(int code, String host, int port, byte[] secret, List<RadiusAttribute> attributes,
                                   UniEmitter<? super Outcome> done) {
        if (socket == null) {
            socket = vertx.createDatagramSocket(new DatagramSocketOptions().setIpV6(host.contains(":")));
            socket.handler(this::answered);
        }
        int identifier = -1;
        for (int i = 0; i < 256 && identifier < 0; i++) {
            int candidate = (nextIdentifier + i) & 0xFF;
            if (!outstanding.containsKey(candidate)) {
                identifier = candidate;
            }
        }
        if (identifier < 0) {
            done.complete(new Outcome("not_sent_busy", null, 0));
            return;
        }
        nextIdentifier = identifier + 1;
        byte[] request = PacketSigning.request(code, identifier, attributes, secret);
        outstanding.put(identifier, new Outstanding(code, host, port, request, secret, done, new AtomicInteger()));
        attempt(identifier, request, 1, config.disconnect().timeout().toMillis());
    }

    private void attempt(int identifier, byte[] request, int attempt, long waitMillis) {
        Outstanding pending = outstanding.get(identifier);
        if (pending == null || !Arrays.equals(pending.request(), request)) {
            return;
        }
        pending.attempts().incrementAndGet();
        socket.send(Buffer.buffer(request), pending.port(), pending.host());
        vertx.setTimer(waitMillis, timer -> {
            Outstanding still = outstanding.get(identifier);
            if (still == null || !Arrays.equals(still.request(), request)) {
                return;
            }
            if (attempt >= config.disconnect().attempts()) {
                outstanding.remove(identifier);
                still.done().complete(new Outcome("timeout", null, attempt));
                return;
            }
            attempt(identifier, request, attempt + 1, waitMillis * 2);
        });
    }

    private void answered(DatagramPacket packet) {
        byte[] datagram = packet.data().getBytes();
        RadiusPacket answer;
        try {
            answer = RadiusPacket.decode(datagram);
        } catch (MalformedPacket e) {
            metrics.dropped("coa", "malformed_" + e.getMessage());
            return;
        }
        Outstanding pending = outstanding.get(answer.identifier());
        if (pending == null || pending.port() != packet.sender().port() || !sameHost(pending.host(), packet.sender().host())
                || answer.code() != pending.code() + 1 && answer.code() != pending.code() + 2
                || !PacketSigning.validResponse(datagram, answer, Arrays.copyOfRange(pending.request(), 4, 20),
                pending.secret())) {
            metrics.dropped("coa", "unexpected_answer");
            return;
        }
        outstanding.remove(answer.identifier());
        Long cause = null;
        try {
            long value = answer.unsignedInt(AttributeType.ERROR_CAUSE);
            cause = value < 0 ? null : value;
        } catch (MalformedPacket e) {
            cause = -1L;
        }
        pending.done().complete(new Outcome(answer.code() == pending.code() + 1 ? "ack" : "nak", cause,
                pending.attempts().get()));
    }

    private static boolean sameHost(String expected, String actual) {
        try {
            return InetAddress.getByName(expected).equals(InetAddress.getByName(actual));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
