package io.cellgate.usage;

import io.cellgate.common.Actor;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import io.cellgate.ports.DataSessionPort;
import io.cellgate.ports.DecisionReadPort;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The data path's reports, set-based: a batch of accounting reports is one statement, however many sessions and SIMs
 * it touches. Usage is the growth of a session's highest cumulative counters, computed under the session row's lock,
 * so that no report counts twice whichever replica commits it and in whatever order reports arrive.
 */
@ApplicationScoped
public class DataSessions implements DataSessionPort {
    /** One set-based statement per batch, in a function so that the database plans it once per connection. */
    private static final String ACCOUNT = "SELECT * FROM account_data_reports($1, $2, $3, $4, $5, $6, $7, $8, $9,"
            + " $10, $11, $12, $13, $14, $15, $16)";
    private static final String THRESHOLDS = """
            WITH before AS (
                SELECT data_warned, data_limit_reached_at FROM usage_counters
                WHERE tenant_id = $1 AND iccid = $2 AND period = $5 FOR UPDATE
            ), updated AS (
                UPDATE usage_counters u SET
                    data_warned = ARRAY(SELECT DISTINCT unnest(u.data_warned || $3::int[]) ORDER BY 1),
                    data_limit_reached_at = CASE WHEN $4 THEN coalesce(u.data_limit_reached_at, now())
                                                 ELSE u.data_limit_reached_at END
                WHERE tenant_id = $1 AND iccid = $2 AND period = $5
                RETURNING u.data_limit_reached_at
            )
            SELECT ARRAY(SELECT unnest($3::int[]) EXCEPT SELECT unnest(b.data_warned) ORDER BY 1) AS warned_now,
                   ($4 AND b.data_limit_reached_at IS NULL) AS reached_now
            FROM before b, updated""";
    private static final String LIVE = "SELECT id, nas_id, host(nas_address) AS nas_address, acct_session_id,"
            + " tenant_id, iccid, host(framed_ip) AS framed_ip, imei, apn, throttle IS NOT NULL AS throttled"
            + " FROM data_sessions";

    @Inject
    ScopedDatabase db;

    @Override
    public Uni<Void> rejected(Actor nas, List<Rejection> rejections) {
        return db.transaction(nas.allTenants(), tx -> tx.preparedQuery("INSERT INTO auth_events (tenant_id, iccid, at,"
                        + " reason, nas_name, apn, imei, rat_type) SELECT * FROM unnest($1::text[], $2::text[],"
                        + " $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[])")
                .execute(Tuple.tuple(List.of(
                        column(rejections, r -> r.tenant().value(), String[]::new),
                        column(rejections, r -> r.iccid().value(), String[]::new),
                        column(rejections, r -> r.at().atOffset(ZoneOffset.UTC), OffsetDateTime[]::new),
                        column(rejections, Rejection::reason, String[]::new),
                        column(rejections, Rejection::nasName, String[]::new),
                        column(rejections, Rejection::apn, String[]::new),
                        column(rejections, Rejection::imei, String[]::new),
                        column(rejections, Rejection::ratType, Integer[]::new))))
                .replaceWithVoid());
    }

    @Override
    public Uni<List<Accounted>> accounted(Actor nas, List<AccountingReport> reports) {
        Tuple params = Tuple.tuple(List.of(
                column(reports, AccountingReport::nasId, UUID[]::new),
                column(reports, AccountingReport::nasName, String[]::new),
                column(reports, AccountingReport::nasAddress, String[]::new),
                column(reports, AccountingReport::acctSessionId, String[]::new),
                column(reports, r -> r.tenant().value(), String[]::new),
                column(reports, r -> r.iccid().value(), String[]::new),
                column(reports, r -> r.kind().name(), String[]::new),
                column(reports, AccountingReport::inputOctets, Long[]::new),
                column(reports, AccountingReport::outputOctets, Long[]::new),
                column(reports, AccountingReport::framedIp, String[]::new),
                column(reports, AccountingReport::imei, String[]::new),
                column(reports, AccountingReport::apn, String[]::new),
                column(reports, AccountingReport::ratType, Integer[]::new),
                column(reports, AccountingReport::interimInterval, Integer[]::new),
                column(reports, AccountingReport::stopCause, String[]::new),
                column(reports, r -> r.at().atOffset(ZoneOffset.UTC), OffsetDateTime[]::new)));
        return db.query(nas.allTenants(), ACCOUNT, params).map(rows -> {
            List<Accounted> accounted = new ArrayList<>(rows.size());
            rows.forEach(row -> accounted.add(new Accounted(row.getUUID("id"), row.getUUID("nas_id"),
                    row.getString("acct_session_id"), TenantId.parse(row.getString("tenant_id")),
                    Iccid.parse(row.getString("iccid")), row.getLocalDate("period"), row.getLong("total"),
                    row.getBoolean("stopped"))));
            return accounted;
        });
    }

    @Override
    public Uni<Thresholds> dataThresholds(Actor nas, TenantId tenant, Iccid iccid, LocalDate period,
                                          List<Integer> warnPercents, boolean limitReached) {
        return db.transaction(nas.allTenants(), tx -> tx.preparedQuery(THRESHOLDS)
                .execute(Tuple.of(tenant.value(), iccid.value(), warnPercents.toArray(Integer[]::new), limitReached,
                        period))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(new Thresholds(List.of(), false));
                    }
                    Row row = rows.iterator().next();
                    Thresholds now = new Thresholds(List.of(row.getArrayOfIntegers("warned_now")),
                            row.getBoolean("reached_now"));
                    if (!now.limitReachedNow()) {
                        return Uni.createFrom().item(now);
                    }
                    return tx.preparedQuery("SELECT pg_notify('" + DecisionReadPort.CHANGES + "', $1)")
                            .execute(Tuple.of(iccid.value())).replaceWith(now);
                }));
    }

    @Override
    public Uni<List<Iccid>> throttledSims(Actor nas) {
        return db.query(nas.allTenants(), "SELECT DISTINCT iccid FROM data_sessions"
                        + " WHERE stopped_at IS NULL AND throttle IS NOT NULL", Tuple.tuple())
                .map(rows -> {
                    List<Iccid> iccids = new ArrayList<>(rows.size());
                    rows.forEach(row -> iccids.add(Iccid.parse(row.getString("iccid"))));
                    return iccids;
                });
    }

    @Override
    public Uni<List<LiveSession>> liveSessions(Actor nas, List<Iccid> iccids) {
        return db.query(nas.allTenants(), LIVE + " WHERE iccid = ANY ($1) AND stopped_at IS NULL",
                Tuple.of(iccids.stream().map(Iccid::value).toArray(String[]::new))).map(DataSessions::live);
    }

    @Override
    public Uni<List<LiveSession>> claim(Actor nas, Enforcement action, List<UUID> sessions, String reason) {
        String column = action.column();
        return db.transaction(nas.allTenants(), tx -> tx.preparedQuery("UPDATE data_sessions SET " + column + " ="
                        + " jsonb_build_object('reason', $2::text, 'state', 'sending', 'at', now())"
                        + " WHERE id = ANY ($1) AND stopped_at IS NULL"
                        + " AND (" + column + " IS NULL OR " + column + "->>'reason' IS DISTINCT FROM $2)"
                        + " RETURNING id, nas_id, host(nas_address) AS nas_address, acct_session_id, tenant_id, iccid,"
                        + " host(framed_ip) AS framed_ip, imei, apn, throttle IS NOT NULL AS throttled")
                .execute(Tuple.of(sessions.toArray(UUID[]::new), reason))).map(DataSessions::live);
    }

    @Override
    public Uni<Void> outcome(Actor nas, Enforcement action, UUID session, Map<String, Object> outcome) {
        String column = action.column();
        return db.transaction(nas.allTenants(), tx -> tx.preparedQuery("UPDATE data_sessions SET " + column
                        + " = coalesce(" + column + ", '{}'::jsonb) || $2 WHERE id = $1")
                .execute(Tuple.of(session, new JsonObject(new HashMap<>(outcome)).put("at", Instant.now().toString())))
                .replaceWithVoid());
    }

    @Override
    public Uni<Integer> nasRestarted(Actor nas, UUID nasId) {
        return db.transaction(nas.allTenants(), tx -> tx.preparedQuery("UPDATE data_sessions SET stopped_at = now(),"
                        + " stop_cause = 'nas_restart' WHERE nas_id = $1 AND stopped_at IS NULL")
                .execute(Tuple.of(nasId))).map(RowSet::rowCount);
    }

    @Override
    public Uni<Integer> closeStale(Actor nas, int intervals) {
        return db.transaction(nas.allTenants(), tx -> tx.preparedQuery("UPDATE data_sessions SET stopped_at = now(),"
                        + " stop_cause = 'stale' WHERE stopped_at IS NULL"
                        + " AND updated_at < now() - make_interval(secs => interim_interval * $1)")
                .execute(Tuple.of(intervals))).map(RowSet::rowCount);
    }

    private static List<LiveSession> live(RowSet<Row> rows) {
        List<LiveSession> sessions = new ArrayList<>(rows.size());
        rows.forEach(row -> sessions.add(new LiveSession(row.getUUID("id"), row.getUUID("nas_id"),
                row.getString("nas_address"), row.getString("acct_session_id"),
                TenantId.parse(row.getString("tenant_id")), Iccid.parse(row.getString("iccid")),
                row.getString("framed_ip"), row.getString("imei"), row.getString("apn"), row.getBoolean("throttled"))));
        return sessions;
    }

    private static <T, C> C[] column(List<T> rows, Function<T, C> value, IntFunction<C[]> array) {
        C[] column = array.apply(rows.size());
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(rows.get(i));
        }
        return column;
    }
}
