package io.cellgate.ports;

import io.cellgate.common.Actor;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/**
 * The NAS clients carrier ops registered: the packet gateways whose RADIUS packets the network plane answers. Every
 * change is announced on the database channel {@link #CHANGES} after its transaction commits.
 */
public interface NasClientPort {
    String CHANGES = "nas_clients";

    /** The enabled NAS clients with their shared secrets, decrypted. */
    Uni<List<NasClient>> enabledNasClients(Actor reader);

    /**
     * A registered packet gateway.
     *
     * @param source  the address or network its packets come from (CIDR)
     * @param secret  the RADIUS shared secret
     * @param coaPort the UDP port of its Dynamic Authorization Server (Disconnect and CoA, RFC 5176)
     */
    record NasClient(UUID id, String name, String source, byte[] secret, int coaPort) {
    }
}
