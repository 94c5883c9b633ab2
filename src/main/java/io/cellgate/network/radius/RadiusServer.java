package io.cellgate.network.radius;

import io.cellgate.network.radius.NasDirectory.Registered;
import io.cellgate.network.radius.codec.AttributeType;
import io.cellgate.network.radius.codec.MalformedPacket;
import io.cellgate.network.radius.codec.PacketSigning;
import io.cellgate.network.radius.codec.RadiusPacket;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The RADIUS server: authentication and accounting on their UDP ports, on the Vert.x event loop. Every datagram is
 * checked before anything is decided on it, and dropped (counted by reason, never answered) when it comes from no
 * enabled NAS client, is malformed, is of a code the port does not serve, or fails its authenticator; an
 * Access-Request without a Message-Authenticator fails it (Blast-RADIUS). Retransmissions get the first answer again.
 * Nothing a datagram holds can stop the server: whatever goes wrong with one is counted and the next is served.
 */
@ApplicationScoped
public class RadiusServer {
    private static final Logger LOG = Logger.getLogger(RadiusServer.class);
    private static final int MAX_REMEMBERED = 200_000;
    static final String AUTH = "auth";
    static final String ACCT = "acct";

    @Inject
    Vertx vertx;
    @Inject
    RadiusConfig config;
    @Inject
    NasDirectory nasClients;
    @Inject
    AccessRequests access;
    @Inject
    AccountingRequests accounting;
    @Inject
    RadiusMetrics metrics;

    private final List<DatagramSocket> sockets = new ArrayList<>();
    private DuplicateRequests duplicates;

    void start(@Observes StartupEvent event) throws Exception {
        if (!config.enabled()) {
            LOG.info("RADIUS: disabled (cellgate.radius.enabled=false)");
            return;
        }
        nasClients.start();
        duplicates = new DuplicateRequests(MAX_REMEMBERED);
        vertx.setPeriodic(config.duplicateWindow().toMillis(), timer -> duplicates.turnOver());
        int perPort = vertx.isNativeTransportEnabled() ? Math.max(1, config.socketsPerPort()) : 1;
        int authPort = open(config.authPort(), AUTH, perPort);
        int acctPort = open(config.acctPort(), ACCT, perPort);
        LOG.infof("RADIUS: authentication on %s:%d, accounting on %s:%d (%d socket(s) per port)", config.host(),
                authPort, config.host(), acctPort, perPort);
    }

    void stop(@Observes ShutdownEvent event) {
        sockets.forEach(DatagramSocket::close);
    }

    /**
     * Binds {@code count} sockets to the port, each on its own event loop (SO_REUSEPORT: the kernel spreads the NAS
     * clients' flows over them, so that every core serves). Answers the port bound (the first socket's, when 0 asks
     * for any free port).
     */
    private int open(int port, String kind, int count) throws Exception {
        int bound = port;
        for (int i = 0; i < count; i++) {
            DatagramSocket socket = vertx.createDatagramSocket(new DatagramSocketOptions()
                    .setReceiveBufferSize(4 << 20).setSendBufferSize(4 << 20).setReusePort(count > 1)
                    .setIpV6(config.host().contains(":")));
            socket.handler(packet -> receive(socket, kind, packet));
            CompletableFuture<Integer> listening = new CompletableFuture<>();
            socket.listen(bound, config.host()).onSuccess(s -> listening.complete(s.localAddress().port()))
                    .onFailure(listening::completeExceptionally);
            bound = listening.get(10, TimeUnit.SECONDS);
            sockets.add(socket);
        }
        return bound;
    }

    private void receive(DatagramSocket socket, String port, DatagramPacket packet) {
        long arrived = System.nanoTime();
        SocketAddress source = packet.sender();
        byte[] address = addressOf(source.host());
        Registered nas = address == null ? null : nasClients.find(address);
        if (nas == null) {
            metrics.dropped(port, "unknown_nas");
            return;
        }
        byte[] datagram = packet.data().getBytes();
        RadiusPacket request;
        try {
            request = RadiusPacket.decode(datagram);
        } catch (MalformedPacket e) {
            metrics.dropped(port, "malformed_" + e.getMessage());
            return;
        }
        String refusal = refusal(port, nas, datagram, request);
        if (refusal != null) {
            metrics.dropped(port, refusal);
            return;
        }
        ByteBuffer key = DuplicateRequests.key(address, source.port(), request.identifier(), request.authenticator());
        byte[] earlier = duplicates.firstOrAnswer(key);
        if (earlier != null) {
            metrics.duplicate(port);
            if (!DuplicateRequests.pending(earlier)) {
                send(socket, source, earlier);
            }
            return;
        }
        Uni<byte[]> answer;
        try {
            answer = AUTH.equals(port) ? access.answer(nas, request) : accounting.answer(nas, source.host(), request);
        } catch (MalformedPacket e) {
            duplicates.abandoned(key);
            metrics.dropped(port, "malformed_" + e.getMessage());
            return;
        }
        answer.subscribe().with(octets -> {
            duplicates.answered(key, octets);
            send(socket, source, octets);
            metrics.answered(AUTH.equals(port), System.nanoTime() - arrived);
        }, e -> {
            duplicates.abandoned(key);
            metrics.dropped(port, "unanswered");
            LOG.debugf("RADIUS: a request from %s went unanswered: %s", source, e.getMessage());
        });
    }

    /** Why a well-formed packet is not served here, or null. */
    private static String refusal(String port, Registered nas, byte[] datagram, RadiusPacket request) {
        byte[] secret = nas.client().secret();
        if (AUTH.equals(port)) {
            if (request.code() != RadiusPacket.ACCESS_REQUEST) {
                return "unexpected_code";
            }
            if (request.count(AttributeType.MESSAGE_AUTHENTICATOR) == 0) {
                return "missing_message_authenticator";
            }
            return PacketSigning.validAccessRequest(datagram, request, secret) ? null : "bad_message_authenticator";
        }
        if (request.code() != RadiusPacket.ACCOUNTING_REQUEST) {
            return "unexpected_code";
        }
        return PacketSigning.validSignedRequest(datagram, request, secret) ? null : "bad_authenticator";
    }

    private static void send(DatagramSocket socket, SocketAddress to, byte[] octets) {
        socket.send(Buffer.buffer(octets), to.port(), to.host());
    }

    /** The octets of a literal address as the socket reports it (no name is ever resolved); null if unreadable. */
    static byte[] addressOf(String host) {
        if (host.indexOf(':') >= 0) {
            try {
                return InetAddress.getByName(host).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
        byte[] octets = new byte[4];
        int octet = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= host.length(); i++) {
            char c = i < host.length() ? host.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || value > 255 || octet > 3) {
                    return null;
                }
                octets[octet++] = (byte) value;
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                value = value * 10 + c - '0';
                digits++;
            } else {
                return null;
            }
        }
        return octet == 4 ? octets : null;
    }
}
