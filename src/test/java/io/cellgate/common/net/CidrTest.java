package io.cellgate.common.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One CIDR type for pools (IPv4) and destinations (IPv4 and IPv6), one IPv4 type for addresses. */
@Tag("unit")
class CidrTest {

    @Test
    void ipv4NetworksAnswerThePoolsQuestions() {
        Cidr pool = Cidr.parse("10.20.0.0/16");
        assertTrue(pool.isIpv4());
        assertEquals("10.20.0.0/16", pool.toString());
        assertEquals(65_536, pool.size());
        assertEquals(65_534, pool.hostCount());
        assertEquals(Ipv4.parse("10.20.0.0"), pool.networkAddress());
        assertFalse(pool.isHost(Ipv4.parse("10.20.0.0")), "the network address");
        assertFalse(pool.isHost(Ipv4.parse("10.20.255.255")), "the broadcast address");
        assertTrue(pool.isHost(Ipv4.parse("10.20.0.1")));
        assertFalse(pool.isHost(Ipv4.parse("10.21.0.1")));
        assertEquals(0, Cidr.parse("10.0.0.0/31").hostCount());
    }

    @Test
    void privateRangesAreRfc1918AndTheSharedAddressSpace() {
        assertTrue(Cidr.parse("10.20.0.0/16").isPrivate());
        assertTrue(Cidr.parse("172.16.0.0/12").isPrivate());
        assertTrue(Cidr.parse("192.168.7.0/24").isPrivate());
        assertTrue(Cidr.parse("100.64.0.0/10").isPrivate());
        assertFalse(Cidr.parse("172.0.0.0/8").isPrivate(), "wider than the private range");
        assertFalse(Cidr.parse("203.0.113.0/24").isPrivate());
        assertFalse(Cidr.parse("2001:db8::/32").isPrivate());
    }

    @Test
    void ipv6NetworksAreDestinationsToo() {
        Cidr v6 = Cidr.parse("2001:db8::/32");
        assertFalse(v6.isIpv4());
        assertEquals(32, v6.prefix());
        assertThrows(IllegalStateException.class, v6::size);
    }

    @Test
    void wrongNotationsAreRefusedWithTheReason() {
        assertEquals("CIDR notation needed, e.g. 10.20.0.0/16", message("10.20.0.0"));
        assertEquals("host bits are set; the network address of this prefix is 10.0.0.0/8", message("10.1.2.3/8"));
        assertEquals("not an IPv4 address: 300.1.1.0", message("300.1.1.0/24"));
        assertEquals("prefix length must be 0 to 32", message("10.0.0.0/33"));
        assertEquals("prefix length must be a number", message("10.0.0.0/x"));
        assertEquals("not an IP address: example.com", message("example.com/24"), "never a DNS lookup");
        assertEquals("not an IP address: ::::::", message("::::::/64"));
        assertEquals("host bits are set; the network address of this prefix is 2001:db8:0:0:0:0:0:0/32",
                message("2001:db8::1/32"));
    }

    @Test
    void ipv4AddressesAreDottedQuadsAndNumbers() {
        assertEquals(Ipv4.parse("10.20.0.17"), Ipv4.parse("10.20.0.0").plus(17));
        assertEquals("10.20.1.0", Ipv4.parse("10.20.0.255").plus(1).toString());
        for (String bad : new String[] {"10.20.0", "10.20.0.256", "10.20.0.1.5", "a.b.c.d", "", "10.20.0.1\u0000"}) {
            assertThrows(IllegalArgumentException.class, () -> Ipv4.parse(bad), bad);
        }
    }

    private static String message(String cidr) {
        return assertThrows(IllegalArgumentException.class, () -> Cidr.parse(cidr)).getMessage();
    }
}
