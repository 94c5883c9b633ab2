package io.cellgate.common.db;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Scoped transactions on the "network" datasource: the network plane's own small pool, which API requests waiting
 * for connections cannot queue ahead of (CELLGATE_DB_NETWORK_POOL_SIZE).
 */
@ApplicationScoped
@NetworkPlane
public class NetworkPlaneDatabase extends ScopedDatabase {

    @Inject
    void useNetworkConnections(@ReactiveDataSource("network") Pool network) {
        pool = network;
    }
}
