package io.cellgate.policy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** CIDR notation checks: a literal IPv4 or IPv6 network address, a prefix length, and no host bits set. */
public final class Cidrs {
    private static final Pattern IPV4 = Pattern.compile("([0-9]{1,3}\\.){3}[0-9]{1,3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private Cidrs() {
    }

    /** Null when valid, else why not. */
    public static String error(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return "CIDR notation needed, e.g. 10.20.0.0/16";
        }
        String address = cidr.substring(0, slash);
        boolean v4 = IPV4.matcher(address).matches();
        if (!v4 && !(address.contains(":") && IPV6.matcher(address).matches())) {
            return "not an IP address: " + address;
        }
        int bits;
        try {
            bits = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return "prefix length must be a number";
        }
        byte[] raw;
        try {
            raw = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return "not an IP address: " + address;
        }
        if (v4 && raw.length != 4 || bits < 0 || bits > raw.length * 8) {
            return "prefix length out of range";
        }
        BigInteger value = new BigInteger(1, raw);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(raw.length * 8 - bits).subtract(BigInteger.ONE);
        if (!value.and(hostMask).equals(BigInteger.ZERO)) {
            return "host bits are set; the network address of this prefix is "
                    + networkAddress(value.andNot(hostMask), raw.length) + "/" + bits;
        }
        return null;
    }

    private static String networkAddress(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] address = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, address, length - copy, copy);
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
