package io.cellgate.common.db;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * PostgreSQL's LISTEN/NOTIFY for in-memory copies that must follow the database: one connection per replica,
 * reconnected after a second whenever it is lost. A notification sent while the connection was down is lost, so every
 * listener is told each time its channel is (re)subscribed, and must then resynchronise.
 */
@ApplicationScoped
public class DatabaseChannels {
    private static final Logger LOG = Logger.getLogger(DatabaseChannels.class);
    private static final long RECONNECT_DELAY_MS = 1000;

    private final Vertx vertx;
    private final PgSubscriber subscriber;
    private boolean connecting;
    private volatile boolean stopping;

    public DatabaseChannels(Vertx vertx,
                            @ConfigProperty(name = "cellgate.db.host") String host,
                            @ConfigProperty(name = "cellgate.db.port") int port,
                            @ConfigProperty(name = "cellgate.db.name") String database,
                            @ConfigProperty(name = "quarkus.datasource.username") String user,
                            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        subscriber = PgSubscriber.subscriber(vertx, new PgConnectOptions().setHost(host).setPort(port)
                .setDatabase(database).setUser(user).setPassword(password));
        subscriber.reconnectPolicy(attempts -> RECONNECT_DELAY_MS);
        subscriber.closeHandler(closed -> {
            if (!stopping) {
                LOG.warn("the database notification connection closed; reconnecting");
            }
        });
    }

    /**
     * Delivers each notification's payload on {@code channel} to {@code onNotice}, and calls {@code onSubscribed} each
     * time the channel is subscribed: at first and after every reconnection. Both run on an event loop.
     */
    public synchronized void listen(String channel, Consumer<String> onNotice, Runnable onSubscribed) {
        subscriber.channel(channel).handler(onNotice::accept).subscribeHandler(subscribed -> onSubscribed.run());
        if (!connecting) {
            connecting = true;
            connect();
        }
    }

    private void connect() {
        subscriber.connect().onFailure(e -> {
            LOG.warnf("the database notification connection failed (%s); retrying", e.getMessage());
            vertx.setTimer(RECONNECT_DELAY_MS, timer -> connect());
        });
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        subscriber.close();
    }
}
