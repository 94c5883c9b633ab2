package io.cellgate.anomaly;

import io.cellgate.common.Actor;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data_usage_spike rule: every {@code cellgate.anomaly.usage-scan-interval} (default 5 minutes) each tenant's usage
 * counters are read into its SIMs' usage of the day and their baselines, set-based in the database (scan_data_usage,
 * R__anomalies.sql), {@value #CHUNK} SIMs per short transaction (a long one would hold back every reader of events,
 * which waits for the transactions older than it), and the SIMs whose day is above their tenant's rule are raised,
 * once per SIM and day. One replica scans a tenant's chunk at a time (an advisory lock); a row that two replicas read
 * at once is counted by one of them.
 */
@ApplicationScoped
public class UsageSpikes {
    static final int CHUNK = 10_000;
    private static final int LOCK_CLASS = AnomalyDetector.LOCK_CLASS + 1;
    private static final String GAP = "SELECT coalesce(bool_or(scanned_at < now() - interval '1 day'), false) AS gap"
            + " FROM usage_scans WHERE tenant_id = $1";
    private static final String SCAN = "SELECT scan_data_usage($2, $3, $4, $5, $6, $7, $8, $9, $10) AS scan"
            + " FROM (SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked) l WHERE l.locked";
    private static final String SCANNED = "INSERT INTO usage_scans (tenant_id, scanned_at) VALUES ($1, now())"
            + " ON CONFLICT (tenant_id) DO UPDATE SET scanned_at = excluded.scanned_at";

    @Inject
    ScopedDatabase db;
    @Inject
    AnomalyRuleService rules;
    @Inject
    Anomalies anomalies;

    @Scheduled(every = "${cellgate.anomaly.usage-scan-interval:5m}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scan() {
        return TenantsInTurn.each(db, "SELECT id FROM tenants ORDER BY id", this::scanTenant, "the usage scan");
    }

    /** Scans the tenant's SIMs chunk by chunk, then notes when (a later scan after a day's gap starts afresh). */
    private Uni<Void> scanTenant(TenantId tenant) {
        Actor detector = Anomalies.DETECTOR.actingFor(tenant);
        return db.transaction(detector.scope(), tx -> rules.of(tx, tenant).flatMap(tenantRules ->
                        tx.preparedQuery(GAP).execute(Tuple.of(tenant.value()))
                                .map(rows -> new Scan(tenant, tenantRules.dataUsageSpike(),
                                        rows.iterator().next().getBoolean("gap")))))
                .flatMap(scan -> chunksFrom(scan, ""))
                .flatMap(done -> done ? db.query(detector.scope(), SCANNED, Tuple.of(tenant.value())).replaceWithVoid()
                        : Uni.createFrom().voidItem());
    }

    /** A tenant's scan: its rule, and whether its counters were last read more than a day ago. */
    private record Scan(TenantId tenant, AnomalyRules.UsageSpike rule, boolean gap) {
    }

    /** The chunks after {@code after}; answers whether the scan went through (false: another replica has it). */
    private Uni<Boolean> chunksFrom(Scan scan, String after) {
        return db.transaction(Anomalies.DETECTOR.actingFor(scan.tenant()).scope(), tx -> chunk(tx, scan, after))
                .flatMap(next -> next == null ? Uni.createFrom().item(false)
                        : next.isEmpty() ? Uni.createFrom().item(true) : chunksFrom(scan, next));
    }

    /** One chunk: answers the ICCID to go on after, "" when the tenant is done, null when another replica is in it. */
    private Uni<String> chunk(SqlConnection tx, Scan scan, String after) {
        AnomalyRules.UsageSpike rule = scan.rule();
        return tx.preparedQuery(SCAN).execute(Tuple.tuple(List.of(LOCK_CLASS, scan.tenant().value(), after, CHUNK,
                        scan.gap(), rule.enabled(), rule.multiplier(), rule.minBytes(), rule.baselineDays(),
                        rule.minHistoryDays())))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    JsonObject result = rows.iterator().next().getJsonObject("scan");
                    List<Anomaly> raised = new ArrayList<>();
                    result.getJsonArray("raised").forEach(each -> raised.add(spike(scan, (JsonObject) each)));
                    String last = result.getString("last");
                    return anomalies.raise(tx, raised).replaceWith(last == null ? "" : last);
                });
    }

    private static Anomaly spike(Scan scan, JsonObject row) {
        Map<String, Object> evidence = new HashMap<>();
        evidence.put("day", row.getString("day"));
        evidence.put("day_bytes", row.getLong("day_bytes"));
        evidence.put("baseline_bytes", row.getLong("baseline_bytes"));
        evidence.put("baseline_days", row.getInteger("baseline_days"));
        evidence.put("multiplier", scan.rule().multiplier());
        return new Anomaly(scan.tenant(), Iccid.parse(row.getString("iccid")),
                new Finding(AnomalyRule.DATA_USAGE_SPIKE, evidence), scan.rule().action(), null);
    }
}
