package io.cellgate.anomaly;

import io.cellgate.anomaly.EventRules.Judgement;
import io.cellgate.anomaly.Observation.Rejected;
import io.cellgate.anomaly.Observation.SessionStarted;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads each tenant's events as a reader of the event stream does (in the order of their transactions, from its own
 * cursor per tenant) and judges the SIMs' sessions and refused requests by the tenant's rules ({@link EventRules}).
 * It adds nothing to the network path: it works after the fact, every {@code cellgate.anomaly.interval} (default 1 s).
 * One replica judges a tenant at a time (an advisory lock per tenant), and a batch commits whole: what the detector
 * learned, the anomalies it raised, the SIMs it suspended and its new cursor, so that no event is judged twice.
 */
@ApplicationScoped
public class AnomalyDetector {
    /** The advisory-lock class of the detector's per-tenant locks ("anom"). */
    static final int LOCK_CLASS = 0x616e6f6d;
    /** Batches of one tenant per look, so that a tenant with a backlog does not hold up the others for long. */
    private static final int MAX_BATCHES = 20;
    private static final String HORIZON = "tx < pg_snapshot_xmin(pg_current_snapshot())";
    /**
     * The tenants with events after their cursor: for each, the first one, read along its index from the cursor.
     * Written as EXISTS, the planner scanned every tenant's events. The cursor (or the start, for a tenant without one)
     * comes out of an aggregate: under row-level security a comparison with a coalesce() of the joined row counts as
     * leaky, waits for the policy's filter, and becomes a filter over every event of the tenant (1.8 s per look at 5
     * million); a column of an aggregate does not.
     */
    static final String TENANTS_WITH_NEW_EVENTS = "SELECT t.id FROM tenants t CROSS JOIN LATERAL"
            + " (SELECT coalesce(max(c.tx), '0'::xid8) AS tx, coalesce(max(c.position), 0) AS position"
            + " FROM anomaly_cursors c WHERE c.tenant_id = t.id) judged CROSS JOIN LATERAL (SELECT 1 FROM events e"
            + " WHERE e.tenant_id = t.id AND (e.tx, e.position) > (judged.tx, judged.position)"
            + " AND e." + HORIZON + " ORDER BY e.tx, e.position LIMIT 1) n ORDER BY t.id";
    /** tx as text under another name: ORDER BY tx must mean the column (an output column of its name would win). */
    static final String EVENTS = "SELECT id, type, iccid, tx::text AS cursor_tx, position,"
            + " CASE WHEN type IN ('session.started', 'auth.rejected') THEN data END AS data FROM events"
            + " WHERE tenant_id = $1 AND (tx, position) > ($2::text::xid8, $3) AND " + HORIZON
            + " ORDER BY tx, position LIMIT $4";
    private static final String WATCHES = """
            SELECT i.iccid, w.imei, w.apns, w.rat_types, w.flagged_apns, w.flagged_rat_types, w.rejected_at,
                   w.burst_raised_at, d.iccid IS NOT NULL AS held,
                   coalesce(d.imei_lock_mode = 'locked', false) AS imei_locked
            FROM unnest($2::text[]) AS i(iccid)
            LEFT JOIN anomaly_sim_watch w ON w.tenant_id = $1 AND w.iccid = i.iccid
            LEFT JOIN sim_decisions d ON d.tenant_id = $1 AND d.iccid = i.iccid""";
    private static final String SAVE_WATCHES = """
            INSERT INTO anomaly_sim_watch AS w (tenant_id, iccid, imei, apns, rat_types, flagged_apns,
                                                flagged_rat_types, rejected_at, burst_raised_at)
            SELECT $1, s.iccid, s.imei, ARRAY(SELECT jsonb_array_elements_text(s.apns)),
                   ARRAY(SELECT jsonb_array_elements_text(s.rat_types)::int),
                   ARRAY(SELECT jsonb_array_elements_text(s.flagged_apns)),
                   ARRAY(SELECT jsonb_array_elements_text(s.flagged_rat_types)::int),
                   ARRAY(SELECT jsonb_array_elements_text(s.rejected_at)::timestamptz), s.burst_raised_at
            FROM jsonb_to_recordset($2::jsonb) AS s(iccid text, imei text, apns jsonb, rat_types jsonb,
                                                    flagged_apns jsonb, flagged_rat_types jsonb, rejected_at jsonb,
                                                    burst_raised_at timestamptz)
            ORDER BY s.iccid
            ON CONFLICT (tenant_id, iccid) DO UPDATE SET imei = excluded.imei, apns = excluded.apns,
                rat_types = excluded.rat_types, flagged_apns = excluded.flagged_apns,
                flagged_rat_types = excluded.flagged_rat_types, rejected_at = excluded.rejected_at,
                burst_raised_at = excluded.burst_raised_at""";
    private static final String SAVE_CURSOR = "INSERT INTO anomaly_cursors (tenant_id, tx, position)"
            + " VALUES ($1, $2::text::xid8, $3) ON CONFLICT (tenant_id) DO UPDATE SET tx = excluded.tx,"
            + " position = excluded.position";

    @Inject
    ScopedDatabase db;
    @Inject
    AnomalyRuleService rules;
    @Inject
    Anomalies anomalies;
    @ConfigProperty(name = "cellgate.anomaly.batch", defaultValue = "1000")
    int batch;

    @Scheduled(every = "${cellgate.anomaly.interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> look() {
        return TenantsInTurn.each(db, TENANTS_WITH_NEW_EVENTS, tenant -> judgeTenant(tenant, 1), "anomaly detection");
    }

    /** Judges the tenant's next batches of events, up to {@value #MAX_BATCHES}. */
    private Uni<Void> judgeTenant(TenantId tenant, int round) {
        return db.transaction(Anomalies.DETECTOR.actingFor(tenant).scope(), tx -> judgeBatch(tx, tenant))
                .flatMap(full -> full && round < MAX_BATCHES ? judgeTenant(tenant, round + 1)
                        : Uni.createFrom().voidItem());
    }

    /** One batch of the tenant's events; answers whether the batch was full (more may be there). */
    private Uni<Boolean> judgeBatch(SqlConnection tx, TenantId tenant) {
        return tx.preparedQuery("SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked")
                .execute(Tuple.of(LOCK_CLASS, tenant.value()))
                .flatMap(locked -> !locked.iterator().next().getBoolean("locked") ? Uni.createFrom().item(false)
                        : tx.preparedQuery("SELECT tx::text AS tx, position FROM anomaly_cursors WHERE tenant_id = $1")
                        .execute(Tuple.of(tenant.value()))
                        .flatMap(cursor -> {
                            Row at = cursor.size() == 0 ? null : cursor.iterator().next();
                            return tx.preparedQuery(EVENTS).execute(Tuple.of(tenant.value(),
                                    at == null ? "0" : at.getString("tx"), at == null ? 0L : at.getLong("position"),
                                    batch));
                        })
                        .flatMap(events -> judge(tx, tenant, events)));
    }

    private Uni<Boolean> judge(SqlConnection tx, TenantId tenant, RowSet<Row> events) {
        if (events.size() == 0) {
            return Uni.createFrom().item(false);
        }
        List<Seen> seen = new ArrayList<>();
        Row last = null;
        for (Row row : events) {
            last = row;
            Observation observation = observation(row);
            if (observation != null) {
                seen.add(new Seen(Iccid.parse(row.getString("iccid")), observation));
            }
        }
        Tuple cursor = Tuple.of(tenant.value(), last.getString("cursor_tx"), last.getLong("position"));
        boolean full = events.size() == batch;
        Uni<Void> judged = seen.isEmpty() ? Uni.createFrom().voidItem()
                : rules.of(tx, tenant).flatMap(tenantRules -> watches(tx, tenant, seen)
                .flatMap(watches -> {
                    List<Anomaly> raised = new ArrayList<>();
                    for (Seen each : seen) {
                        Watched before = watches.get(each.iccid().value());
                        if (!before.held()) {
                            continue; // the SIM has left the tenant since
                        }
                        Judgement judgement = EventRules.judge(tenantRules, before.watch(), before.imeiLocked(),
                                each.observation());
                        watches.put(each.iccid().value(), new Watched(judgement.after(), true, before.imeiLocked()));
                        for (Finding finding : judgement.findings()) {
                            raised.add(new Anomaly(tenant, each.iccid(), finding,
                                    tenantRules.of(finding.rule()).action(), each.observation().eventId()));
                        }
                    }
                    raised.sort(Comparator.comparing(anomaly -> anomaly.iccid().value()));
                    return tx.preparedQuery(SAVE_WATCHES).execute(Tuple.of(tenant.value(), saved(watches)))
                            .flatMap(saved -> anomalies.raise(tx, raised));
                }));
        return judged.flatMap(done -> tx.preparedQuery(SAVE_CURSOR).execute(cursor)).replaceWith(full);
    }

    /** One SIM's event that a rule judges. */
    private record Seen(Iccid iccid, Observation observation) {
    }

    /** A SIM's watch, whether the tenant still has the SIM, and whether an IMEI lock holds it now. */
    private record Watched(SimWatch watch, boolean held, boolean imeiLocked) {
    }

    private static Observation observation(Row row) {
        JsonObject data = row.getJsonObject("data");
        if (data == null || row.getString("iccid") == null) {
            return null;
        }
        UUID id = row.getUUID("id");
        if ("session.started".equals(row.getString("type"))) {
            return new SessionStarted(id, OffsetDateTime.parse(data.getString("started_at")).toInstant(), data.getString("session_id"),
                    data.getString("nas"), data.getString("imei"), apn(data), data.getInteger("rat_type"));
        }
        return new Rejected(id, OffsetDateTime.parse(data.getString("at")).toInstant(), data.getString("reason"), data.getString("nas"),
                data.getString("imei"), apn(data), data.getInteger("rat_type"));
    }

    /** APNs compare without regard to case, as the network's do. */
    private static String apn(JsonObject data) {
        String apn = data.getString("apn");
        return apn == null ? null : apn.toLowerCase(Locale.ROOT);
    }

    private static Uni<Map<String, Watched>> watches(SqlConnection tx, TenantId tenant, List<Seen> seen) {
        String[] iccids = seen.stream().map(s -> s.iccid().value()).distinct().toArray(String[]::new);
        return tx.preparedQuery(WATCHES).execute(Tuple.of(tenant.value(), iccids)).map(rows -> {
            Map<String, Watched> watches = new LinkedHashMap<>();
            for (Row row : rows) {
                String[] apns = row.getArrayOfStrings("apns");
                SimWatch watch = apns == null ? SimWatch.NEW : new SimWatch(row.getString("imei"), List.of(apns),
                        List.of(row.getArrayOfIntegers("rat_types")), List.of(row.getArrayOfStrings("flagged_apns")),
                        List.of(row.getArrayOfIntegers("flagged_rat_types")),
                        Arrays.stream(row.getArrayOfOffsetDateTimes("rejected_at")).map(OffsetDateTime::toInstant)
                                .toList(),
                        row.getOffsetDateTime("burst_raised_at") == null ? null
                                : row.getOffsetDateTime("burst_raised_at").toInstant());
                watches.put(row.getString("iccid"), new Watched(watch, row.getBoolean("held"),
                        row.getBoolean("imei_locked")));
            }
            return watches;
        });
    }

    private static JsonArray saved(Map<String, Watched> watches) {
        JsonArray saved = new JsonArray();
        watches.forEach((iccid, watched) -> {
            if (!watched.held()) {
                return;
            }
            SimWatch watch = watched.watch();
            saved.add(new JsonObject().put("iccid", iccid).put("imei", watch.imei())
                    .put("apns", new JsonArray(watch.apns())).put("rat_types", new JsonArray(watch.ratTypes()))
                    .put("flagged_apns", new JsonArray(watch.flaggedApns()))
                    .put("flagged_rat_types", new JsonArray(watch.flaggedRatTypes()))
                    .put("rejected_at", new JsonArray(watch.rejectedAt().stream().map(Instant::toString).toList()))
                    .put("burst_raised_at", watch.burstRaisedAt() == null ? null : watch.burstRaisedAt().toString()));
        });
        return saved;
    }
}
