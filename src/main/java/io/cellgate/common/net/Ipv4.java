package io.cellgate.common.net;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IPv4 address as a number, for pool arithmetic; written in dotted-quad notation. */
public record Ipv4(long value) {
    private static final Pattern DOTTED_QUAD = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    public Ipv4 {
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("not an IPv4 address: " + value);
        }
    }

    /** Parses dotted-quad notation; anything else, leading zeros aside, is refused with the reason. */
    public static Ipv4 parse(String text) {
        Matcher m = DOTTED_QUAD.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an IPv4 address: " + text);
        }
        long value = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + text);
            }
            value = (value << 8) | octet;
        }
        return new Ipv4(value);
    }

    public Ipv4 plus(long offset) {
        return new Ipv4(value + offset);
    }

    @Override
    public String toString() {
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }
}
