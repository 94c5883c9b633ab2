package io.cellgate.tenant;

import io.cellgate.common.Actor;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.TenantId;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Tells a tenant that a request was refused for one of its quotas (event tenant.quota_breached), at most once per
 * quota and {@code cellgate.events.quota-breach-window} (default 5 minutes) across replicas. A replica asks the
 * database at most once per window too, so that a flood of refusals costs it nothing. The refusals themselves are in
 * the audit trail; the announcement never delays or changes the refusal.
 */
@ApplicationScoped
public class QuotaBreaches {
    private static final Logger LOG = Logger.getLogger(QuotaBreaches.class);
    private static final Actor WATCH = Actor.Work.QUOTA_WATCH.actor();
    private static final String ANNOUNCE = "SELECT announce_quota_breach($1, $2, make_interval(secs => $3), $4)";

    /** The quotas a refusal can name (the data's quota). */
    public enum Quota {
        MAX_SIMS("max_sims"), API_REQUESTS_PER_SECOND("api_requests_per_second");

        private final String name;

        Quota(String name) {
            this.name = name;
        }
    }

    @Inject
    ScopedDatabase db;
    @ConfigProperty(name = "cellgate.events.quota-breach-window", defaultValue = "5m")
    Duration window;

    private final Map<String, Long> lastAsked = new ConcurrentHashMap<>();

    /** Announces the refusal, in the background; {@code details} are the data's other members (limit, ...). */
    public void refused(TenantId tenant, Quota quota, Map<String, Object> details) {
        long now = System.nanoTime();
        String key = tenant.value() + ' ' + quota.name;
        Long last = lastAsked.get(key);
        if (last != null && now - last < window.toNanos() || !replaced(key, last, now)) {
            return;
        }
        Actor onTenant = WATCH.actingFor(tenant);
        db.query(onTenant.scope(), ANNOUNCE, Tuple.of(tenant.value(), quota.name, (double) window.toSeconds(),
                        new JsonObject(Map.copyOf(details))))
                .subscribe().with(done -> { }, e -> {
                    lastAsked.remove(key, now);
                    LOG.warnf("the %s refusal of tenant %s could not be announced (%s)", quota.name, tenant,
                            e.getMessage());
                });
    }

    private boolean replaced(String key, Long last, long now) {
        return last == null ? lastAsked.putIfAbsent(key, now) == null : lastAsked.replace(key, last, now);
    }
}
