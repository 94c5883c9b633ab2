package io.cellgate.network.radius.codec;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The authenticators of RADIUS: the Request and Response Authenticators (RFC 2865 §3, RFC 2866 §3, RFC 5176 §2.3),
 * MD5 over the packet and the shared secret, and the Message-Authenticator (RFC 3579 §3.2), HMAC-MD5 over the packet
 * keyed with the secret. Every response Cellgate signs carries the Message-Authenticator as its first attribute, the
 * Blast-RADIUS (CVE-2024-3596) mitigation. Comparisons take constant time.
 */
public final class PacketSigning {
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final byte[] ZEROS = new byte[RadiusPacket.AUTHENTICATOR_LENGTH];
    private static final int HMAC_BLOCK = 64;

    private PacketSigning() {
    }

    /**
     * Whether an Access-Request carries exactly one Message-Authenticator and it is right. {@code datagram} is the
     * packet as received (octets past its length field are ignored).
     */
    public static boolean validAccessRequest(byte[] datagram, RadiusPacket packet, byte[] secret) {
        return packet.count(AttributeType.MESSAGE_AUTHENTICATOR) == 1
                && messageAuthenticatorHolds(datagram, packet, null, secret);
    }

    /**
     * Whether a request whose authenticator is MD5 over the packet with a zero authenticator and the secret
     * (Accounting-Request, Disconnect-Request, CoA-Request) is authentic, and so is its Message-Authenticator when it
     * carries one (computed with the zero authenticator).
     */
    public static boolean validSignedRequest(byte[] datagram, RadiusPacket packet, byte[] secret) {
        int length = lengthOf(datagram);
        byte[] copy = Arrays.copyOf(datagram, length);
        System.arraycopy(ZEROS, 0, copy, 4, ZEROS.length);
        if (!MessageDigest.isEqual(md5(copy, secret), packet.authenticator())) {
            return false;
        }
        int count = packet.count(AttributeType.MESSAGE_AUTHENTICATOR);
        return count == 0 || count == 1 && messageAuthenticatorHolds(datagram, packet, ZEROS, secret);
    }

    /** Whether a response (ACK, NAK) to a request with this authenticator is authentic. */
    public static boolean validResponse(byte[] datagram, RadiusPacket packet, byte[] requestAuthenticator,
                                        byte[] secret) {
        byte[] copy = Arrays.copyOf(datagram, lengthOf(datagram));
        System.arraycopy(requestAuthenticator, 0, copy, 4, requestAuthenticator.length);
        if (!MessageDigest.isEqual(md5(copy, secret), packet.authenticator())) {
            return false;
        }
        int count = packet.count(AttributeType.MESSAGE_AUTHENTICATOR);
        return count == 0 || count == 1 && messageAuthenticatorHolds(datagram, packet, requestAuthenticator, secret);
    }

    /**
     * A response to a request: Message-Authenticator first, then the attributes, with its Response Authenticator. The
     * Message-Authenticator of an Accounting-Response is computed over a zero authenticator, as for the requests whose
     * authenticator is a hash (RFC 3579 leaves accounting open; this is what FreeRADIUS computes and checks).
     */
    public static byte[] response(int code, RadiusPacket request, List<RadiusAttribute> attributes, byte[] secret) {
        byte[] octets = withMessageAuthenticator(code, request.identifier(),
                code == RadiusPacket.ACCOUNTING_RESPONSE ? ZEROS : request.authenticator(), attributes, secret);
        System.arraycopy(request.authenticator(), 0, octets, 4, RadiusPacket.AUTHENTICATOR_LENGTH);
        byte[] authenticator = md5(octets, secret);
        System.arraycopy(authenticator, 0, octets, 4, authenticator.length);
        return octets;
    }

    /** A request of Cellgate's own (Disconnect-Request, CoA-Request): Message-Authenticator first, signed. */
    public static byte[] request(int code, int identifier, List<RadiusAttribute> attributes, byte[] secret) {
        byte[] octets = withMessageAuthenticator(code, identifier, ZEROS, attributes, secret);
        byte[] authenticator = md5(octets, secret);
        System.arraycopy(authenticator, 0, octets, 4, authenticator.length);
        return octets;
    }

    private static byte[] withMessageAuthenticator(int code, int identifier, byte[] authenticator,
                                                   List<RadiusAttribute> attributes, byte[] secret) {
        List<RadiusAttribute> all = new ArrayList<>(attributes.size() + 1);
        all.add(new RadiusAttribute(AttributeType.MESSAGE_AUTHENTICATOR, ZEROS.clone()));
        all.addAll(attributes);
        byte[] octets = new RadiusPacket(code, identifier, authenticator.clone(), all).encode();
        byte[] mac = hmacMd5(secret, octets);
        System.arraycopy(mac, 0, octets, RadiusPacket.HEADER_LENGTH + 2, mac.length);
        return octets;
    }

    /**
     * HMAC-MD5 over the packet with the Message-Authenticator's value zeroed and, when {@code authenticator} is given,
     * that authenticator in place of the packet's own.
     */
    private static boolean messageAuthenticatorHolds(byte[] datagram, RadiusPacket packet, byte[] authenticator,
                                                     byte[] secret) {
        byte[] copy = Arrays.copyOf(datagram, lengthOf(datagram));
        if (authenticator != null) {
            System.arraycopy(authenticator, 0, copy, 4, authenticator.length);
        }
        int at = RadiusPacket.HEADER_LENGTH;
        byte[] received = null;
        while (at < copy.length) {
            int type = copy[at] & 0xFF;
            int length = copy[at + 1] & 0xFF;
            if (type == AttributeType.MESSAGE_AUTHENTICATOR) {
                if (length != 2 + RadiusPacket.AUTHENTICATOR_LENGTH) {
                    return false;
                }
                received = Arrays.copyOfRange(copy, at + 2, at + length);
                Arrays.fill(copy, at + 2, at + length, (byte) 0);
            }
            at += length;
        }
        return received != null && MessageDigest.isEqual(hmacMd5(secret, copy), received);
    }

    private static int lengthOf(byte[] datagram) {
        return ByteBuffer.wrap(datagram, 2, 2).getShort() & 0xFFFF;
    }

    static byte[] md5(byte[] octets, byte[] secret) {
        MessageDigest md5 = MD5.get();
        md5.reset();
        md5.update(octets);
        md5.update(secret);
        return md5.digest();
    }

    /** HMAC (RFC 2104) with MD5, on the thread's digest. */
    static byte[] hmacMd5(byte[] key, byte[] message) {
        MessageDigest md5 = MD5.get();
        byte[] block = new byte[HMAC_BLOCK];
        if (key.length > HMAC_BLOCK) {
            md5.reset();
            System.arraycopy(md5.digest(key), 0, block, 0, 16);
        } else {
            System.arraycopy(key, 0, block, 0, key.length);
        }
        byte[] pad = new byte[HMAC_BLOCK];
        for (int i = 0; i < HMAC_BLOCK; i++) {
            pad[i] = (byte) (block[i] ^ 0x36);
        }
        md5.reset();
        md5.update(pad);
        byte[] inner = md5.digest(message);
        for (int i = 0; i < HMAC_BLOCK; i++) {
            pad[i] = (byte) (block[i] ^ 0x5c);
        }
        md5.reset();
        md5.update(pad);
        return md5.digest(inner);
    }
}
