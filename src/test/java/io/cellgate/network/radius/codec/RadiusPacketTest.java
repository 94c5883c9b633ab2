package io.cellgate.network.radius.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The codec against the RFCs' rules, its signatures checked against the JDK's own MD5 and HMAC-MD5. */
@Tag("unit")
class RadiusPacketTest {
    private static final byte[] SECRET = "s3cret-s3cret-s3cret".getBytes();

    @Test
    void aPacketSurvivesEncodingAndDecodingWith3gppAttributes() throws Exception {
        byte[] vsa = ByteBuffer.allocate(4 + 2 + 15).putInt(AttributeType.VENDOR_3GPP).put((byte) 1).put((byte) 17)
                .put("262011234567890".getBytes()).array();
        RadiusPacket packet = new RadiusPacket(RadiusPacket.ACCESS_REQUEST, 7, new byte[16], List.of(
                RadiusAttribute.text(AttributeType.USER_NAME, "alice"),
                new RadiusAttribute(AttributeType.VENDOR_SPECIFIC, vsa)));
        RadiusPacket decoded = RadiusPacket.decode(packet.encode());
        assertEquals(7, decoded.identifier());
        assertEquals("alice", decoded.text(AttributeType.USER_NAME));
        assertEquals("262011234567890", decoded.vendorText(AttributeType.VENDOR_3GPP, AttributeType.THREE_GPP_IMSI));
        assertNull(decoded.vendorText(AttributeType.VENDOR_3GPP, AttributeType.THREE_GPP_IMEISV));
    }

    @Test
    void octetsPastTheLengthFieldArePaddingAndIgnored() throws Exception {
        byte[] octets = new RadiusPacket(RadiusPacket.ACCESS_REQUEST, 1, new byte[16],
                List.of(RadiusAttribute.text(AttributeType.USER_NAME, "a"))).encode();
        RadiusPacket padded = RadiusPacket.decode(Arrays.copyOf(octets, octets.length + 10));
        assertEquals(1, padded.attributes().size());
    }

    @Test
    void malformedPacketsAreRefusedWithTheirReason() {
        byte[] good = new RadiusPacket(RadiusPacket.ACCESS_REQUEST, 1, new byte[16],
                List.of(RadiusAttribute.text(AttributeType.USER_NAME, "abc"))).encode();
        assertReason("short", new byte[19]);
        byte[] tooLong = good.clone();
        ByteBuffer.wrap(tooLong).putShort(2, (short) 4097);
        assertReason("bad_length", tooLong);
        byte[] beyond = good.clone();
        ByteBuffer.wrap(beyond).putShort(2, (short) (good.length + 1));
        assertReason("bad_length", beyond);
        byte[] overrun = good.clone();
        overrun[21] = 9;
        assertReason("bad_attribute", overrun);
        byte[] tiny = good.clone();
        tiny[21] = 1;
        assertReason("bad_attribute", tiny);
        byte[] typeZero = good.clone();
        typeZero[20] = 0;
        assertReason("bad_attribute", typeZero);
        byte[] badVsa = new RadiusPacket(RadiusPacket.ACCESS_REQUEST, 1, new byte[16], List.of(new RadiusAttribute(
                AttributeType.VENDOR_SPECIFIC, new byte[]{0, 0, 0x28, (byte) 0xAF, 1, 7, 'x'}))).encode();
        assertReason("bad_attribute", badVsa);
    }

    @Test
    void textMustBeUtf8AndIntegersFourOctets() throws Exception {
        RadiusPacket packet = RadiusPacket.decode(new RadiusPacket(RadiusPacket.ACCESS_REQUEST, 1, new byte[16], List.of(
                new RadiusAttribute(AttributeType.USER_NAME, new byte[]{(byte) 0xC3, 0x28}),
                new RadiusAttribute(AttributeType.ACCT_STATUS_TYPE, new byte[]{1, 2}))).encode());
        assertEquals("bad_text", assertThrows(MalformedPacket.class, () -> packet.text(AttributeType.USER_NAME))
                .getMessage());
        assertThrows(MalformedPacket.class, () -> packet.unsignedInt(AttributeType.ACCT_STATUS_TYPE));
    }

    @Test
    void anAccessRequestNeedsExactlyOneRightMessageAuthenticator() throws Exception {
        byte[] authenticator = new byte[16];
        Arrays.fill(authenticator, (byte) 5);
        byte[] request = withHmac(new RadiusPacket(RadiusPacket.ACCESS_REQUEST, 3, authenticator, List.of(
                new RadiusAttribute(AttributeType.MESSAGE_AUTHENTICATOR, new byte[16]),
                RadiusAttribute.text(AttributeType.USER_NAME, "262011234567890"))).encode(), SECRET);
        assertTrue(PacketSigning.validAccessRequest(request, RadiusPacket.decode(request), SECRET));
        assertFalse(PacketSigning.validAccessRequest(request, RadiusPacket.decode(request), "other".getBytes()));
        byte[] tampered = request.clone();
        tampered[tampered.length - 1] ^= 1;
        assertFalse(PacketSigning.validAccessRequest(tampered, RadiusPacket.decode(tampered), SECRET));
        byte[] without = new RadiusPacket(RadiusPacket.ACCESS_REQUEST, 3, authenticator,
                List.of(RadiusAttribute.text(AttributeType.USER_NAME, "x"))).encode();
        assertFalse(PacketSigning.validAccessRequest(without, RadiusPacket.decode(without), SECRET));
    }

    @Test
    void aResponseCarriesTheMessageAuthenticatorFirstAndTheResponseAuthenticatorOfRfc2865() throws Exception {
        byte[] authenticator = new byte[16];
        Arrays.fill(authenticator, (byte) 9);
        RadiusPacket request = new RadiusPacket(RadiusPacket.ACCESS_REQUEST, 44, authenticator, List.of());
        byte[] response = PacketSigning.response(RadiusPacket.ACCESS_ACCEPT, request,
                List.of(RadiusAttribute.integer(AttributeType.ACCT_INTERIM_INTERVAL, 300)), SECRET);
        RadiusPacket decoded = RadiusPacket.decode(response);
        assertEquals(AttributeType.MESSAGE_AUTHENTICATOR, decoded.attributes().get(0).type());
        byte[] withRequestAuthenticator = response.clone();
        System.arraycopy(authenticator, 0, withRequestAuthenticator, 4, 16);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(withRequestAuthenticator);
        assertArrayEquals(md5.digest(SECRET), decoded.authenticator());
        assertTrue(PacketSigning.validResponse(response, decoded, authenticator, SECRET));
        byte[] zeroed = withRequestAuthenticator.clone();
        Arrays.fill(zeroed, 22, 38, (byte) 0);
        assertArrayEquals(hmac(zeroed, SECRET), decoded.attributes().get(0).value());
    }

    @Test
    void aSignedRequestHasTheHashedAuthenticatorOfRfc2866() throws Exception {
        byte[] request = PacketSigning.request(RadiusPacket.DISCONNECT_REQUEST, 1,
                List.of(RadiusAttribute.text(AttributeType.ACCT_SESSION_ID, "abc")), SECRET);
        RadiusPacket decoded = RadiusPacket.decode(request);
        assertTrue(PacketSigning.validSignedRequest(request, decoded, SECRET));
        byte[] zeroed = request.clone();
        Arrays.fill(zeroed, 4, 20, (byte) 0);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(zeroed);
        assertArrayEquals(md5.digest(SECRET), decoded.authenticator());
        assertFalse(PacketSigning.validSignedRequest(request, decoded, "other".getBytes()));
    }

    @Test
    void theHmacOfLongKeysMatchesTheJdks() throws Exception {
        byte[] key = new byte[100];
        Arrays.fill(key, (byte) 'k');
        byte[] message = "message".getBytes();
        assertArrayEquals(hmac(message, key), PacketSigning.hmacMd5(key, message));
    }

    private static void assertReason(String reason, byte[] datagram) {
        assertEquals(reason, assertThrows(MalformedPacket.class, () -> RadiusPacket.decode(datagram)).getMessage());
    }

    private static byte[] withHmac(byte[] octets, byte[] secret) throws Exception {
        System.arraycopy(hmac(octets, secret), 0, octets, 22, 16);
        return octets;
    }

    private static byte[] hmac(byte[] message, byte[] key) throws Exception {
        Mac mac = Mac.getInstance("HmacMD5");
        mac.init(new SecretKeySpec(key, "HmacMD5"));
        return mac.doFinal(message);
    }
}
