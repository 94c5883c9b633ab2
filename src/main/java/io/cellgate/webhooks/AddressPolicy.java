package io.cellgate.webhooks;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Where webhooks may not go (SSRF): every address that is not public unicast on the internet. Loopback, private
 * (RFC 1918, carrier-grade NAT, unique local), link-local (with the cloud metadata services at 169.254.169.254 and
 * fd00:ec2::254), multicast, broadcast, unspecified, documentation and benchmarking ranges, reserved space, and the
 * IPv6 forms that carry or tunnel to an IPv4 address (IPv4-compatible, NAT64, 6to4, Teredo). An IPv4-mapped IPv6
 * address is read as the IPv4 address it maps. Loopback is allowed only when configured (tests).
 */
final class AddressPolicy {
    private record Range(byte[] prefix, int bits, String name) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Range LOOPBACK_V4 = range("127.0.0.0", 8, "loopback");
    private static final Range LOOPBACK_V6 = range("::1", 128, "loopback");
    private static final List<Range> REFUSED = List.of(
            range("0.0.0.0", 8, "unspecified"),
            range("10.0.0.0", 8, "private"),
            range("100.64.0.0", 10, "private (carrier-grade NAT)"),
            range("169.254.0.0", 16, "link-local (cloud metadata)"),
            range("172.16.0.0", 12, "private"),
            range("192.0.0.0", 24, "reserved (IETF protocol assignments)"),
            range("192.0.2.0", 24, "documentation"),
            range("192.88.99.0", 24, "reserved (6to4 relay)"),
            range("192.168.0.0", 16, "private"),
            range("198.18.0.0", 15, "benchmarking"),
            range("198.51.100.0", 24, "documentation"),
            range("203.0.113.0", 24, "documentation"),
            range("224.0.0.0", 4, "multicast"),
            range("240.0.0.0", 4, "reserved or broadcast"),
            range("::", 128, "unspecified"),
            range("::", 96, "IPv4-compatible"),
            range("::ffff:0:0:0", 96, "IPv4-translated"),
            range("64:ff9b::", 96, "NAT64"),
            range("64:ff9b:1::", 48, "NAT64 (local)"),
            range("100::", 64, "discard-only"),
            range("2001::", 23, "reserved (IETF protocol assignments, Teredo)"),
            range("2001:db8::", 32, "documentation"),
            range("2002::", 16, "6to4"),
            range("fc00::", 7, "private (unique local, cloud metadata)"),
            range("fe80::", 10, "link-local"),
            range("fec0::", 10, "site-local"),
            range("ff00::", 8, "multicast"));

    private AddressPolicy() {
    }

    /** Why webhooks may not go to {@code address}, or null when they may. */
    static String refusal(InetAddress address, boolean loopbackAllowed) {
        byte[] bytes = mappedToIpv4(address.getAddress());
        if (LOOPBACK_V4.contains(bytes) || LOOPBACK_V6.contains(bytes)) {
            return loopbackAllowed ? null : "loopback";
        }
        for (Range range : REFUSED) {
            if (range.contains(bytes)) {
                return range.name();
            }
        }
        return null;
    }

    /**
     * An IPv4-mapped IPv6 address (::ffff:a.b.c.d) as the IPv4 address it reaches: Java reads such a literal as IPv4,
     * but an AAAA record of that form comes back as IPv6, and a dual-stack socket connects it to the IPv4 address.
     */
    private static byte[] mappedToIpv4(byte[] bytes) {
        if (bytes.length != 16) {
            return bytes;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return bytes;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff ? Arrays.copyOfRange(bytes, 12, 16) : bytes;
    }

    private static Range range(String literal, int bits, String name) {
        try {
            InetAddress address = InetAddress.getByName(literal);
            byte[] prefix = address.getAddress();
            if (literal.contains(":") && address instanceof Inet4Address) {
                throw new IllegalStateException(literal + " parsed as IPv4");
            }
            return new Range(prefix, bits, name);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not an address literal: " + literal, e);
        }
    }
}
