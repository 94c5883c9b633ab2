package io.cellgate.ratelimit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-tenant token buckets in PostgreSQL, so that the limit holds however many replicas serve the tenant. One short
 * statement per request; a tenant's quota (requests per second, burst) comes from its row, else the defaults.
 */
@ApplicationScoped
public class RateLimiter {
    /** take_rate_token runs with the owner's rights and touches only the bucket table: no data scope is needed. */
    @Inject
    Pool pool;
    @ConfigProperty(name = "cellgate.rate-limit.default-requests-per-second", defaultValue = "100")
    double defaultRate;
    @ConfigProperty(name = "cellgate.rate-limit.default-burst", defaultValue = "200")
    double defaultBurst;

    Uni<RateLimitDecision> take(String tenantId) {
        return pool.preparedQuery("SELECT * FROM take_rate_token($1, $2, $3)")
                .execute(Tuple.of(tenantId, defaultRate, defaultBurst))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new RateLimitDecision(row.getBoolean("allowed"), row.getDouble("tokens"),
                            row.getDouble("rate"), row.getDouble("burst"));
                });
    }

    public int defaultRate() {
        return (int) defaultRate;
    }

    public int defaultBurst() {
        return (int) defaultBurst;
    }
}
