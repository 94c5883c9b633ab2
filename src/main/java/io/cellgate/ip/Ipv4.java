package io.cellgate.ip;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IPv4 addresses and networks as numbers, for pool arithmetic and checks. */
record Ipv4(long network, int prefix) {
    private static final Pattern ADDRESS = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** Private ranges a pool may come from: RFC 1918 and the shared address space of RFC 6598 used in mobile networks. */
    private static final Ipv4[] PRIVATE = {parseCidr("10.0.0.0/8"), parseCidr("172.16.0.0/12"),
            parseCidr("192.168.0.0/16"), parseCidr("100.64.0.0/10")};

    static Ipv4 parseCidr(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("CIDR notation needed, e.g. 10.20.0.0/16");
        }
        long address = parseAddress(cidr.substring(0, slash));
        int prefix;
        try {
            prefix = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("prefix length must be a number");
        }
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix length must be 0 to 32");
        }
        Ipv4 network = new Ipv4(address & mask(prefix), prefix);
        if (network.network() != address) {
            throw new IllegalArgumentException("host bits are set; the network is " + network);
        }
        return network;
    }

    static long parseAddress(String text) {
        Matcher m = ADDRESS.matcher(text == null ? "" : text);
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
        return value;
    }

    static String format(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                + (address & 255);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    long size() {
        return 1L << (32 - prefix);
    }

    /** Addresses a SIM can get: all but the network and the broadcast address. */
    long hostCount() {
        return Math.max(0, size() - 2);
    }

    boolean isHost(long address) {
        return address > network && address < network + size() - 1;
    }

    boolean isPrivate() {
        for (Ipv4 range : PRIVATE) {
            if (prefix >= range.prefix && (network & mask(range.prefix)) == range.network) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return format(network) + "/" + prefix;
    }
}
