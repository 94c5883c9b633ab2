package io.cellgate.network.radius.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** One attribute of a RADIUS packet (RFC 2865 §5): a type and 0-253 octets of value. */
public record RadiusAttribute(int type, byte[] value) {
    public static final int MAX_VALUE_LENGTH = 253;

    public RadiusAttribute {
        if (type < 1 || type > 255 || value.length > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("attribute " + type + " of " + value.length + " octets");
        }
    }

    public static RadiusAttribute text(int type, String value) {
        return new RadiusAttribute(type, value.getBytes(StandardCharsets.UTF_8));
    }

    public static RadiusAttribute integer(int type, long value) {
        return new RadiusAttribute(type, ByteBuffer.allocate(4).putInt((int) value).array());
    }

    public static RadiusAttribute address(int type, int ipv4) {
        return new RadiusAttribute(type, ByteBuffer.allocate(4).putInt(ipv4).array());
    }

    /** A Vendor-Specific attribute (RFC 2865 §5.26) holding one 32-bit integer sub-attribute. */
    public static RadiusAttribute vendor(int vendor, int type, long value) {
        return new RadiusAttribute(AttributeType.VENDOR_SPECIFIC, ByteBuffer.allocate(10).putInt(vendor)
                .put((byte) type).put((byte) 6).putInt((int) value).array());
    }

    /** The value as an unsigned 32-bit integer, or -1 when it is not 4 octets long. */
    public long unsignedInt() {
        return value.length == 4 ? ByteBuffer.wrap(value).getInt() & 0xFFFFFFFFL : -1;
    }
}
