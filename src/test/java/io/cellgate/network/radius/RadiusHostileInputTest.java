package io.cellgate.network.radius;

import static io.cellgate.network.radius.RadiusAccessTest.active;
import static io.cellgate.network.radius.RadiusAccessTest.assertReject;
import static io.cellgate.network.radius.RadiusAccessTest.radiusMetrics;
import static io.cellgate.network.radius.RadiusAccessTest.request;
import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.network.radius.codec.AttributeType;
import io.cellgate.network.radius.codec.PacketSigning;
import io.cellgate.network.radius.codec.RadiusAttribute;
import io.cellgate.network.radius.codec.RadiusPacket;
import io.cellgate.support.Radclient;
import io.cellgate.support.TestNas;
import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.time.Duration;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an attacker on the network can send to the RADIUS ports: packets from an unregistered address, without or with a
 * wrong Message-Authenticator (Blast-RADIUS), malformed datagrams, invalid text and replays. Each is dropped or
 * answered once, counted, and the server goes on answering the next good packet.
 */
@QuarkusTest
class RadiusHostileInputTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @BeforeAll
    static void tenants() {
        ensureTenant("acme");
    }

    @Test
    void anAccessRequestWithoutOrWithAWrongMessageAuthenticatorIsDropped() {
        String secret = TestNas.secret();
        TestSims sims = active(1);
        assertNull(Radclient.authAsIs(secret, request(sims, 0, null, null)), "no Message-Authenticator: dropped");
        assertNull(Radclient.auth("not-the-shared-secret", request(sims, 0, null, null)), "wrong secret: dropped");
        String metrics = radiusMetrics();
        assertTrue(metrics.contains("reason=\"missing_message_authenticator\""), metrics);
        assertTrue(metrics.contains("reason=\"bad_message_authenticator\""), metrics);
        assertEquals("Access-Accept", Radclient.auth(secret, request(sims, 0, null, null)).code());
    }

    @Test
    void packetsFromAnAddressOfNoNasClientAreDropped() throws Exception {
        String secret = TestNas.secret();
        TestSims sims = active(1);
        byte[] request = accessRequest(secret, 5, RadiusAttribute.text(AttributeType.USER_NAME,
                (String) sims.rows.get(0).get("imsi")));
        try (DatagramSocket stranger = new DatagramSocket(0, InetAddress.getByName("127.0.0.9"))) {
            assertNull(exchange(stranger, request), "a valid packet from an unknown source is not answered");
        }
        assertTrue(radiusMetrics().contains("reason=\"unknown_nas\""));
        try (DatagramSocket nas = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            assertNotNull(exchange(nas, request), "the same packet from the NAS is");
        }
    }

    @Test
    void malformedDatagramsAreDroppedAndTheNextGoodOneIsAnswered() throws Exception {
        String secret = TestNas.secret();
        TestSims sims = active(1);
        String imsi = (String) sims.rows.get(0).get("imsi");
        byte[] good = accessRequest(secret, 9, RadiusAttribute.text(AttributeType.USER_NAME, imsi));
        byte[] random = new byte[300];
        RANDOM.nextBytes(random);
        byte[] lengthBeyondDatagram = good.clone();
        ByteBuffer.wrap(lengthBeyondDatagram).putShort(2, (short) (good.length + 10));
        byte[] attributeOverrun = good.clone();
        attributeOverrun[RadiusPacket.HEADER_LENGTH + 1] = (byte) 250;
        byte[] zeroLengthAttribute = good.clone();
        zeroLengthAttribute[RadiusPacket.HEADER_LENGTH + 1] = 0;
        List<byte[]> hostile = List.of(new byte[0], new byte[3], random, Arrays.copyOf(good, 19), lengthBeyondDatagram,
                attributeOverrun, zeroLengthAttribute, new byte[5000],
                accessRequest(secret, 10, new RadiusAttribute(AttributeType.USER_NAME,
                        new byte[]{(byte) 0xC3, (byte) 0x28})),
                accessRequest(secret, 11, RadiusAttribute.text(AttributeType.USER_NAME, imsi),
                        vendor(AttributeType.THREE_GPP_IMEISV, "35693803\u00004380")),
                accessRequest(secret, 12, RadiusAttribute.text(AttributeType.USER_NAME, imsi),
                        new RadiusAttribute(AttributeType.VENDOR_SPECIFIC, new byte[]{0, 0, 0x28, (byte) 0xAF, 20, 9})),
                PacketSigning.request(RadiusPacket.ACCOUNTING_REQUEST, 13,
                        List.of(RadiusAttribute.text(AttributeType.USER_NAME, imsi)), secret.getBytes()));
        try (DatagramSocket nas = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            for (byte[] datagram : hostile) {
                assertNull(exchange(nas, datagram), "dropped: " + Arrays.toString(Arrays.copyOf(datagram, 24)));
            }
            assertNotNull(exchange(nas, good), "the server still answers");
        }
        String metrics = radiusMetrics();
        for (String reason : List.of("malformed_short", "malformed_bad_length", "malformed_bad_attribute",
                "malformed_bad_text", "malformed_bad_imeisv", "unexpected_code")) {
            assertTrue(metrics.contains("reason=\"" + reason + "\""), reason + " in " + metrics);
        }
    }

    @Test
    void aReplayedAccessRequestGetsTheSameAnswerAndIsDecidedOnce() throws Exception {
        String secret = TestNas.secret();
        TestSims sims = active(1);
        as(ACME_ADMIN).post("/api/v1/sims/" + sims.first() + "/suspend").then().statusCode(200);
        assertReject(RadiusAccessTest.awaitAnswer(secret, sims, 0, null, null, "Access-Reject"), "sim_not_active");
        String apn = "replay-" + RANDOM.nextInt(1_000_000);
        byte[] request = accessRequest(secret, 42, RadiusAttribute.text(AttributeType.USER_NAME,
                (String) sims.rows.get(0).get("imsi")), RadiusAttribute.text(AttributeType.CALLED_STATION_ID, apn));
        try (DatagramSocket nas = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            byte[] first = exchange(nas, request);
            assertNotNull(first);
            assertEquals(RadiusPacket.ACCESS_REJECT, first[0]);
            assertArrayEquals(first, exchange(nas, request));
            assertArrayEquals(first, exchange(nas, request));
        }
        Awaitility.await().until(() -> authEvents(sims.first(), apn) == 1);
        Awaitility.await("three copies, one decision").during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3))
                .until(() -> authEvents(sims.first(), apn) == 1);
        assertTrue(radiusMetrics().contains("cellgate_radius_duplicates_total{port=\"auth\""));
    }

    /** The SIM's auth events of requests for this APN. */
    private static int authEvents(String iccid, String apn) {
        return as(ACME_ADMIN).get("/api/v1/sims/" + iccid + "/auth-events").then().statusCode(200).extract()
                .jsonPath().getList("items.findAll { it.apn == '" + apn + "' }").size();
    }

    /**
     * An Access-Request as a NAS makes it: a random Request Authenticator and a Message-Authenticator (HMAC-MD5,
     * computed here with the JDK's own HMAC, independently of the server's code).
     */
    static byte[] accessRequest(String secret, int identifier, RadiusAttribute... attributes) {
        byte[] authenticator = new byte[16];
        RANDOM.nextBytes(authenticator);
        List<RadiusAttribute> all = new java.util.ArrayList<>();
        all.add(new RadiusAttribute(AttributeType.MESSAGE_AUTHENTICATOR, new byte[16]));
        all.addAll(List.of(attributes));
        byte[] octets = new RadiusPacket(RadiusPacket.ACCESS_REQUEST, identifier, authenticator, all).encode();
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(secret.getBytes(), "HmacMD5"));
            System.arraycopy(mac.doFinal(octets), 0, octets, RadiusPacket.HEADER_LENGTH + 2, 16);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
        return octets;
    }

    private static RadiusAttribute vendor(int type, String value) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        return new RadiusAttribute(AttributeType.VENDOR_SPECIFIC, ByteBuffer.allocate(6 + text.length)
                .putInt(AttributeType.VENDOR_3GPP).put((byte) type).put((byte) (2 + text.length)).put(text).array());
    }

    /** Sends a datagram to the authentication port; the answer, or null when none came within 0.7 s. */
    static byte[] exchange(DatagramSocket socket, byte[] datagram) throws Exception {
        socket.setSoTimeout(700);
        socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(),
                Radclient.AUTH_PORT));
        byte[] buffer = new byte[4096];
        DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(answer);
            return Arrays.copyOf(buffer, answer.getLength());
        } catch (SocketTimeoutException e) {
            return null;
        }
    }
}
