package io.cellgate.common.net;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network in CIDR notation: a literal network address and a prefix length, with no host bits set.
 * IPv4 networks also answer the questions of address pools (size, hosts, private ranges).
 */
public final class Cidr {
    private static final Pattern IPV4 = Pattern.compile("([0-9]{1,3}\\.){3}[0-9]{1,3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    /** Private ranges an address pool may come from: RFC 1918, and the shared address space of RFC 6598. */
    private static final Cidr[] PRIVATE = {parse("10.0.0.0/8"), parse("172.16.0.0/12"), parse("192.168.0.0/16"),
            parse("100.64.0.0/10")};

    private final BigInteger network;
    private final int bits;
    private final int prefix;

    private Cidr(BigInteger network, int bits, int prefix) {
        this.network = network;
        this.bits = bits;
        this.prefix = prefix;
    }

    /** Parses CIDR notation; a wrong one is refused with the reason (and, for host bits, the right network). */
    public static Cidr parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("CIDR notation needed, e.g. 10.20.0.0/16");
        }
        String address = text.substring(0, slash);
        boolean v4 = IPV4.matcher(address).matches();
        if (!v4 && !(address.contains(":") && IPV6.matcher(address).matches())) {
            throw new IllegalArgumentException("not an IP address: " + address);
        }
        BigInteger value = v4 ? BigInteger.valueOf(Ipv4.parse(address).value()) : new BigInteger(1, ipv6(address));
        int bits = v4 ? 32 : 128;
        Cidr network = new Cidr(value, bits, prefixLength(text.substring(slash + 1), bits));
        BigInteger masked = network.network.andNot(network.hostMask());
        if (!masked.equals(network.network)) {
            throw new IllegalArgumentException("host bits are set; the network address of this prefix is "
                    + new Cidr(masked, bits, network.prefix));
        }
        return network;
    }

    public boolean isIpv4() {
        return bits == 32;
    }

    public int prefix() {
        return prefix;
    }

    /** The network address (IPv4 networks only). */
    public Ipv4 networkAddress() {
        requireIpv4();
        return new Ipv4(network.longValueExact());
    }

    /** How many addresses the network spans (IPv4 networks only). */
    public long size() {
        requireIpv4();
        return 1L << (32 - prefix);
    }

    /** Addresses a host can have: all but the network and the broadcast address (IPv4 networks only). */
    public long hostCount() {
        return Math.max(0, size() - 2);
    }

    public boolean isHost(Ipv4 address) {
        long first = networkAddress().value();
        return address.value() > first && address.value() < first + size() - 1;
    }

    /** Inside one of the private ranges (RFC 1918, RFC 6598). */
    public boolean isPrivate() {
        for (Cidr range : PRIVATE) {
            if (isIpv4() && prefix >= range.prefix && network.andNot(range.hostMask()).equals(range.network)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && cidr.network.equals(network) && cidr.bits == bits && cidr.prefix == prefix;
    }

    @Override
    public int hashCode() {
        return network.hashCode() * 31 + prefix;
    }

    @Override
    public String toString() {
        int length = bits / 8;
        byte[] bytes = network.toByteArray();
        byte[] address = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, address, length - copy, copy);
        try {
            return InetAddress.getByAddress(address).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private BigInteger hostMask() {
        return BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
    }

    private void requireIpv4() {
        if (!isIpv4()) {
            throw new IllegalStateException(this + " is not an IPv4 network");
        }
    }

    /** The bytes of an IPv6 literal: with a ':' in it, InetAddress parses it and never asks DNS. */
    private static byte[] ipv6(String address) {
        try {
            byte[] raw = InetAddress.getByName(address).getAddress();
            if (raw.length == 16) {
                return raw;
            }
        } catch (UnknownHostException e) {
            // refused below
        }
        throw new IllegalArgumentException("not an IP address: " + address);
    }

    private static int prefixLength(String text, int max) {
        int prefix;
        try {
            prefix = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("prefix length must be a number");
        }
        if (prefix < 0 || prefix > max) {
            throw new IllegalArgumentException("prefix length must be 0 to " + max);
        }
        return prefix;
    }
}
