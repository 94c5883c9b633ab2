package io.cellgate.network.radius;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.network.radius.NasDirectory.Registered;
import java.net.InetAddress;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class NasDirectoryTest {

    @Test
    void aSourceNetworkHoldsItsAddressesOnly() throws Exception {
        Registered network = registered("192.0.2.16", 28);
        assertTrue(network.contains(InetAddress.getByName("192.0.2.16").getAddress()));
        assertTrue(network.contains(InetAddress.getByName("192.0.2.31").getAddress()));
        assertFalse(network.contains(InetAddress.getByName("192.0.2.32").getAddress()));
        assertFalse(network.contains(InetAddress.getByName("192.0.2.15").getAddress()));
        assertFalse(network.contains(InetAddress.getByName("2001:db8::1").getAddress()), "another family");
        Registered v6 = registered("2001:db8::", 127);
        assertTrue(v6.contains(InetAddress.getByName("2001:db8::1").getAddress()));
        assertFalse(v6.contains(InetAddress.getByName("2001:db8::2").getAddress()));
        assertTrue(registered("198.51.100.7", 32).contains(InetAddress.getByName("198.51.100.7").getAddress()));
    }

    private static Registered registered(String address, int prefix) throws Exception {
        return new Registered(null, InetAddress.getByName(address).getAddress(), prefix, null);
    }
}
