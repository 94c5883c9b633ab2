package io.cellgate.support;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A connection as the owner of the schema, which the service never has: for tests that play an attacker with the
 * owner's rights, or that inspect what row-level security hides from the service.
 */
public final class OwnerDatabase {
    private OwnerDatabase() {
    }

    public static Pool open(Vertx vertx) {
        Config config = ConfigProvider.getConfig();
        PgConnectOptions options = new PgConnectOptions()
                .setHost(config.getValue("cellgate.db.host", String.class))
                .setPort(config.getValue("cellgate.db.port", Integer.class))
                .setDatabase(config.getValue("cellgate.db.name", String.class))
                .setUser(config.getValue("quarkus.flyway.username", String.class))
                .setPassword(config.getValue("quarkus.flyway.password", String.class));
        return PgPool.pool(vertx, options, new PoolOptions().setMaxSize(1));
    }
}
