package io.cellgate.network.radius;

import io.cellgate.common.Actor;
import io.cellgate.common.Origin;
import io.cellgate.common.db.DatabaseChannels;
import io.cellgate.ports.NasClientPort;
import io.cellgate.ports.NasClientPort.NasClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The enabled NAS clients in memory, matched by the source address of a packet. Reloaded whenever carrier ops change
 * one (every replica hears of it through {@link NasClientPort#CHANGES}) and after the notification connection was
 * lost. Sources never overlap, so an address matches one client or none.
 */
@ApplicationScoped
public class NasDirectory {
    private static final Logger LOG = Logger.getLogger(NasDirectory.class);
    private static final Actor READER = Actor.networkFunction("nas-directory", Origin.system("nas-directory"));

    @Inject
    NasClientPort clients;
    @Inject
    DatabaseChannels channels;

    private volatile List<Registered> registered = List.of();

    /** A NAS client with its source network as bytes, and the actor its packets act as. */
    public record Registered(NasClient client, byte[] network, int prefix, Actor actor) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            return rest == 0 || ((address[full] ^ network[full]) & (0xFF << (8 - rest))) == 0;
        }
    }

    void start() {
        channels.listen(NasClientPort.CHANGES, changed -> reload(), this::reload);
    }

    /** The client whose source holds this address (its octets), or null. */
    public Registered find(byte[] bytes) {
        for (Registered candidate : registered) {
            if (candidate.contains(bytes)) {
                return candidate;
            }
        }
        return null;
    }

    /** The client with this id, or null (when it was deleted or disabled). */
    public Registered byId(UUID id) {
        for (Registered candidate : registered) {
            if (candidate.client().id().equals(id)) {
                return candidate;
            }
        }
        return null;
    }

    private void reload() {
        clients.enabledNasClients(READER).subscribe().with(list -> {
            List<Registered> loaded = new ArrayList<>(list.size());
            for (NasClient client : list) {
                loaded.add(registered(client));
            }
            registered = List.copyOf(loaded);
            LOG.infof("RADIUS: %d NAS clients enabled", loaded.size());
        }, e -> LOG.errorf("RADIUS: the NAS clients could not be read (%s); keeping the %d known", e.getMessage(),
                registered.size()));
    }

    private static Registered registered(NasClient client) {
        String[] parts = client.source().split("/");
        try {
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8;
            return new Registered(client, network, prefix, Actor.networkFunction("nas:" + client.name(),
                    new Origin("RADIUS", "/radius/" + client.name(), "radius", parts[0], null, null)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("NAS client " + client.name() + " has an unreadable source", e);
        }
    }
}
