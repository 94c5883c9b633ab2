package io.cellgate.tenant;

import io.cellgate.common.id.TenantId;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * A tenant's quota of SIMs (max_sims), checked when SIMs are assigned to it. The tenant's row stays locked until the
 * assigning transaction ends, so two concurrent assignments cannot both pass the quota. A refusal is announced to the
 * tenant ({@link QuotaBreaches}).
 */
@ApplicationScoped
public class SimQuota {
    @Inject
    QuotaBreaches breaches;
    private static final String LOCK = "SELECT 1 FROM tenants WHERE id = $1 FOR UPDATE";
    /** A statement of its own after the lock: only a snapshot taken after the wait sees what the other assignment added. */
    private static final String COUNT = """
            SELECT t.max_sims, (SELECT count(*) FROM sims s WHERE s.tenant_id = t.id AND s.status <> 'terminated')
            FROM tenants t WHERE t.id = $1""";

    /** Holds the quota for {@code adding} more SIMs in {@code tx}, or refuses (422 for no such tenant, 409 over quota). */
    public Uni<Void> reserve(SqlConnection tx, TenantId tenant, int adding) {
        return tx.preparedQuery(LOCK).execute(Tuple.of(tenant.value())).flatMap(locked -> {
            if (locked.size() == 0) {
                throw ProblemException.invalid("tenant_id", "no tenant " + tenant);
            }
            return tx.preparedQuery(COUNT).execute(Tuple.of(tenant.value()));
        }).map(rows -> {
            Row row = rows.iterator().next();
            Integer max = row.getInteger(0);
            long current = row.getLong(1);
            if (max != null && current + adding > max) {
                breaches.refused(tenant, QuotaBreaches.Quota.MAX_SIMS, Map.of("limit", max, "current", current,
                        "requested", adding));
                throw new ProblemException(ProblemType.QUOTA_EXCEEDED, "Tenant " + tenant + " may hold " + max
                        + " SIMs; it holds " + current + " and this would add " + adding,
                        Map.of("quota", "max_sims", "limit", max, "current", current, "requested", adding));
            }
            return null;
        });
    }
}
