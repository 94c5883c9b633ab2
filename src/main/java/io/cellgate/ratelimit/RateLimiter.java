package io.cellgate.ratelimit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-tenant token buckets in PostgreSQL, so that the limit holds however many replicas serve the tenant. A replica
 * takes tokens in small batches (see {@link TokenLease}): one short statement per batch, not per request. A tenant's
 * quota (requests per second, burst) comes from its row, else the defaults.
 */
@ApplicationScoped
public class RateLimiter {
    /** take_rate_tokens runs with the owner's rights and touches only the bucket table: no data scope is needed. */
    @Inject
    Pool pool;
    @ConfigProperty(name = "cellgate.rate-limit.default-requests-per-second", defaultValue = "100")
    double defaultRate;
    @ConfigProperty(name = "cellgate.rate-limit.default-burst", defaultValue = "200")
    double defaultBurst;

    private final Map<String, TokenLease> leases = new ConcurrentHashMap<>();

    Uni<RateLimitDecision> take(String tenantId) {
        TokenLease lease = leases.computeIfAbsent(tenantId, tenant -> new TokenLease());
        RateLimitDecision local = lease.spend(System.nanoTime());
        if (local != null) {
            return Uni.createFrom().item(local);
        }
        return pool.preparedQuery("SELECT * FROM take_rate_tokens($1, $2, $3, $4)")
                .execute(Tuple.of(tenantId, lease.batchSize(), defaultRate, defaultBurst))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    int granted = row.getInteger("granted");
                    RateLimitDecision bucket = new RateLimitDecision(granted > 0, row.getDouble("tokens"),
                            row.getDouble("rate"), row.getDouble("burst"));
                    return lease.granted(granted, bucket, System.nanoTime());
                });
    }

    public int defaultRate() {
        return (int) defaultRate;
    }

    public int defaultBurst() {
        return (int) defaultBurst;
    }
}
