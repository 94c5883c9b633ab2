package io.cellgate.webhooks;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The addresses a webhook's host name resolves to now, by the system's resolver (off the event loop). */
@ApplicationScoped
public class HostResolver {
    public Uni<List<InetAddress>> resolve(String host) {
        return Uni.createFrom().item(() -> {
            try {
                return List.of(InetAddress.getAllByName(host));
            } catch (UnknownHostException e) {
                return List.<InetAddress>of();
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
