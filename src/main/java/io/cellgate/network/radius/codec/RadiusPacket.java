package io.cellgate.network.radius.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A RADIUS packet (RFC 2865 §3): code, identifier, authenticator and attributes. Decoding is strict: a length field
 * out of bounds or beyond the datagram, an attribute shorter than its header or running past the packet, or a
 * Vendor-Specific attribute of the 3GPP vendor whose sub-attributes do not add up makes the packet malformed. Octets
 * after the length field's end are padding and ignored, as RFC 2865 says.
 */
public record RadiusPacket(int code, int identifier, byte[] authenticator, List<RadiusAttribute> attributes) {
    public static final int ACCESS_REQUEST = 1;
    public static final int ACCESS_ACCEPT = 2;
    public static final int ACCESS_REJECT = 3;
    public static final int ACCOUNTING_REQUEST = 4;
    public static final int ACCOUNTING_RESPONSE = 5;
    public static final int DISCONNECT_REQUEST = 40;
    public static final int DISCONNECT_ACK = 41;
    public static final int DISCONNECT_NAK = 42;
    public static final int COA_REQUEST = 43;
    public static final int COA_ACK = 44;
    public static final int COA_NAK = 45;

    public static final int HEADER_LENGTH = 20;
    public static final int MAX_LENGTH = 4096;
    public static final int AUTHENTICATOR_LENGTH = 16;

    public static RadiusPacket decode(byte[] datagram) throws MalformedPacket {
        if (datagram.length < HEADER_LENGTH) {
            throw new MalformedPacket("short");
        }
        ByteBuffer in = ByteBuffer.wrap(datagram);
        int code = in.get() & 0xFF;
        int identifier = in.get() & 0xFF;
        int length = in.getShort() & 0xFFFF;
        if (length < HEADER_LENGTH || length > MAX_LENGTH || length > datagram.length) {
            throw new MalformedPacket("bad_length");
        }
        byte[] authenticator = new byte[AUTHENTICATOR_LENGTH];
        in.get(authenticator);
        List<RadiusAttribute> attributes = new ArrayList<>();
        int at = HEADER_LENGTH;
        while (at < length) {
            if (length - at < 2) {
                throw new MalformedPacket("bad_attribute");
            }
            int type = datagram[at] & 0xFF;
            int attributeLength = datagram[at + 1] & 0xFF;
            if (type == 0 || attributeLength < 2 || at + attributeLength > length) {
                throw new MalformedPacket("bad_attribute");
            }
            RadiusAttribute attribute = new RadiusAttribute(type,
                    Arrays.copyOfRange(datagram, at + 2, at + attributeLength));
            if (type == AttributeType.VENDOR_SPECIFIC) {
                checkVendorSpecific(attribute.value());
            }
            attributes.add(attribute);
            at += attributeLength;
        }
        return new RadiusPacket(code, identifier, authenticator, List.copyOf(attributes));
    }

    /** The packet's octets, with the authenticator as it is (signing fills it in: {@link PacketSigning}). */
    public byte[] encode() {
        int length = HEADER_LENGTH;
        for (RadiusAttribute attribute : attributes) {
            length += 2 + attribute.value().length;
        }
        if (length > MAX_LENGTH) {
            throw new IllegalStateException("a RADIUS packet of " + length + " octets");
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        out.put((byte) code).put((byte) identifier).putShort((short) length).put(authenticator);
        for (RadiusAttribute attribute : attributes) {
            out.put((byte) attribute.type()).put((byte) (attribute.value().length + 2)).put(attribute.value());
        }
        return out.array();
    }

    public RadiusAttribute first(int type) {
        for (RadiusAttribute attribute : attributes) {
            if (attribute.type() == type) {
                return attribute;
            }
        }
        return null;
    }

    public int count(int type) {
        int count = 0;
        for (RadiusAttribute attribute : attributes) {
            count += attribute.type() == type ? 1 : 0;
        }
        return count;
    }

    /** The first attribute of this type as UTF-8 text; null when absent; malformed when it is not valid UTF-8. */
    public String text(int type) throws MalformedPacket {
        RadiusAttribute attribute = first(type);
        return attribute == null ? null : utf8(attribute.value());
    }

    /** The first attribute of this type as an unsigned 32-bit integer; -1 when absent; malformed when not 4 octets. */
    public long unsignedInt(int type) throws MalformedPacket {
        RadiusAttribute attribute = first(type);
        if (attribute == null) {
            return -1;
        }
        long value = attribute.unsignedInt();
        if (value < 0) {
            throw new MalformedPacket("bad_attribute");
        }
        return value;
    }

    /** The value of the first sub-attribute of this vendor and type, or null. */
    public byte[] vendorAttribute(int vendor, int type) {
        for (RadiusAttribute attribute : attributes) {
            if (attribute.type() != AttributeType.VENDOR_SPECIFIC || attribute.value().length < 4
                    || ByteBuffer.wrap(attribute.value()).getInt() != vendor) {
                continue;
            }
            byte[] value = attribute.value();
            for (int at = 4; at + 2 <= value.length; at += value[at + 1] & 0xFF) {
                if ((value[at] & 0xFF) == type) {
                    return Arrays.copyOfRange(value, at + 2, at + (value[at + 1] & 0xFF));
                }
            }
        }
        return null;
    }

    public String vendorText(int vendor, int type) throws MalformedPacket {
        byte[] value = vendorAttribute(vendor, type);
        return value == null ? null : utf8(value);
    }

    public static String utf8(byte[] value) throws MalformedPacket {
        if (ascii(value)) {
            return new String(value, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedPacket("bad_text");
        }
    }

    private static boolean ascii(byte[] value) {
        for (byte octet : value) {
            if (octet < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A Vendor-Specific attribute holds a 4-octet vendor id, then (for the 3GPP vendor, whose format is the RFC 2865
     * suggestion) sub-attributes of type, length and value that must fill it exactly. Other vendors' formats vary and
     * are left opaque.
     */
    private static void checkVendorSpecific(byte[] value) throws MalformedPacket {
        if (value.length < 4) {
            throw new MalformedPacket("bad_attribute");
        }
        if (ByteBuffer.wrap(value).getInt() != AttributeType.VENDOR_3GPP) {
            return;
        }
        int at = 4;
        while (at < value.length) {
            int length = at + 1 < value.length ? value[at + 1] & 0xFF : 0;
            if (length < 2 || at + length > value.length) {
                throw new MalformedPacket("bad_attribute");
            }
            at += length;
        }
    }
}
