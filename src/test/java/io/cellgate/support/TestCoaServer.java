package io.cellgate.support;

import io.cellgate.network.radius.codec.AttributeType;
import io.cellgate.network.radius.codec.MalformedPacket;
import io.cellgate.network.radius.codec.PacketSigning;
import io.cellgate.network.radius.codec.RadiusPacket;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;

/**
 * The test NAS's Dynamic Authorization server (RFC 5176): a UDP port that receives Disconnect-Requests and
 * CoA-Requests, checks their authenticator with the test NAS's secret, remembers them and answers with an ACK. One per
 * test JVM.
 */
public final class TestCoaServer {
    public static final int PORT = 13799;
    private static final TestCoaServer INSTANCE = new TestCoaServer();

    private final List<RadiusPacket> received = new CopyOnWriteArrayList<>();
    private DatagramSocket socket;

    private TestCoaServer() {
    }

    public static TestCoaServer get() {
        INSTANCE.start();
        return INSTANCE;
    }

    /** Waits for a Disconnect-Request naming this Acct-Session-Id (it was answered with an ACK). */
    public RadiusPacket awaitDisconnect(String acctSessionId) {
        return await(RadiusPacket.DISCONNECT_REQUEST, acctSessionId);
    }

    /** Waits for a CoA-Request naming this Acct-Session-Id (it was answered with an ACK). */
    public RadiusPacket awaitCoa(String acctSessionId) {
        return await(RadiusPacket.COA_REQUEST, acctSessionId);
    }

    public boolean disconnected(String acctSessionId) {
        return received.stream().anyMatch(packet -> packet.code() == RadiusPacket.DISCONNECT_REQUEST
                && acctSessionId.equals(text(packet, AttributeType.ACCT_SESSION_ID)));
    }

    private RadiusPacket await(int code, String acctSessionId) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
                .filter(packet -> packet.code() == code
                        && acctSessionId.equals(text(packet, AttributeType.ACCT_SESSION_ID)))
                .findFirst().orElse(null), packet -> packet != null);
    }

    private synchronized void start() {
        if (socket != null) {
            return;
        }
        try {
            socket = new DatagramSocket(PORT, InetAddress.getLoopbackAddress());
        } catch (SocketException e) {
            throw new AssertionError("the test NAS's CoA port " + PORT + " is taken", e);
        }
        Thread listener = new Thread(this::serve, "test-coa-server");
        listener.setDaemon(true);
        listener.start();
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (true) {
            DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(datagram);
                byte[] octets = Arrays.copyOf(datagram.getData(), datagram.getLength());
                RadiusPacket request = RadiusPacket.decode(octets);
                if (request.code() != RadiusPacket.DISCONNECT_REQUEST && request.code() != RadiusPacket.COA_REQUEST
                        || !PacketSigning.validSignedRequest(octets, request, TestNas.SECRET.getBytes())) {
                    continue;
                }
                received.add(request);
                byte[] ack = PacketSigning.response(request.code() + 1, request, List.of(),
                        TestNas.SECRET.getBytes());
                socket.send(new DatagramPacket(ack, ack.length, datagram.getSocketAddress()));
            } catch (IOException | MalformedPacket e) {
                // a test NAS drops what it cannot read, as a real one does
            }
        }
    }

    private static String text(RadiusPacket packet, int type) {
        try {
            return packet.text(type);
        } catch (MalformedPacket e) {
            return null;
        }
    }
}
