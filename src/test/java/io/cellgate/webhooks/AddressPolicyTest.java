package io.cellgate.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhooks go to public unicast addresses only (SSRF). */
@Tag("unit")
class AddressPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1", "169.254.169.254",
            "169.254.0.1", "0.0.0.0", "0.1.2.3", "224.0.0.251", "239.255.255.250", "255.255.255.255", "240.0.0.1",
            "192.0.2.10", "198.51.100.1", "203.0.113.5", "198.18.0.1", "192.0.0.8", "::", "fd00:ec2::254",
            "fc00::1", "fe80::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::10.0.0.1",
            "64:ff9b::a00:1", "::ffff:0:a00:1", "2002:a00:1::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:db8::1", "fec0::1"})
    void privateLinkLocalMulticastReservedAndTunnelledAddressesAreRefused(String literal) throws Exception {
        assertNotNull(AddressPolicy.refusal(address(literal), true), literal);
    }

    /** As a resolver answers an AAAA record: an Inet6Address, which Java does not turn into IPv4 itself. */
    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "10.0.0.1", "127.0.0.1", "192.168.0.1"})
    void anIpv4MappedIpv6AnswerIsJudgedAsTheIpv4AddressItReaches(String ipv4) throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(InetAddress.getByName(ipv4).getAddress(), 0, mapped, 12, 4);
        InetAddress answer = Inet6Address.getByAddress("hooks.example.com", mapped, -1);

        assertEquals(AddressPolicy.refusal(address(ipv4), false), AddressPolicy.refusal(answer, false));
        assertNotNull(AddressPolicy.refusal(answer, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1"})
    void loopbackIsRefusedUnlessAllowed(String literal) throws Exception {
        assertEquals("loopback", AddressPolicy.refusal(address(literal), false));
        assertNull(AddressPolicy.refusal(address(literal), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.128.0.1",
            "2606:4700:4700::1111", "2a00:1450:4001:80b::200e"})
    void publicUnicastAddressesAreAllowed(String literal) throws Exception {
        assertNull(AddressPolicy.refusal(address(literal), false), literal);
    }

    private static InetAddress address(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
