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
    private static final String ACCOUNT = """
            WITH batch AS (
                SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                                     $7::text[], $8::bigint[], $9::bigint[], $10::text[], $11::text[], $12::text[],
                                     $13::int[], $14::text[], $15::timestamptz[])
                    AS b(nas_id, nas_name, nas_address, acct_session_id, tenant_id, iccid, kind, input_octets, output_octets,
                         framed_ip, imei, apn, interim_interval, stop_cause, at)
            ), merged AS (
                SELECT nas_id, acct_session_id, min(nas_name) AS nas_name, min(nas_address) AS nas_address, min(tenant_id) AS tenant_id,
                       min(iccid) AS iccid, max(input_octets) AS input_octets, max(output_octets) AS output_octets,
                       max(framed_ip) AS framed_ip, max(imei) AS imei, max(apn) AS apn,
                       max(interim_interval) AS interim_interval, max(stop_cause) AS stop_cause,
                       bool_or(kind = 'STOP') AS stopped, min(at) AS first_at, max(at) AS last_at
                FROM batch GROUP BY nas_id, acct_session_id
            ), sessions AS (
                INSERT INTO data_sessions AS s (id, tenant_id, iccid, nas_id, nas_name, nas_address, acct_session_id,
                                                framed_ip, imei, apn, started_at, updated_at, stopped_at, stop_cause,
                                                input_octets, output_octets, last_input_delta, last_output_delta,
                                                interim_interval)
                SELECT gen_random_uuid(), tenant_id, iccid, nas_id, nas_name, nas_address::inet, acct_session_id,
                       framed_ip::inet, imei, apn, first_at, last_at, CASE WHEN stopped THEN last_at END,
                       CASE WHEN stopped THEN coalesce(stop_cause, 'stop') END, input_octets, output_octets,
                       input_octets, output_octets, interim_interval
                FROM merged ORDER BY nas_id, acct_session_id
                ON CONFLICT (nas_id, acct_session_id) DO UPDATE SET
                    last_input_delta = greatest(excluded.input_octets - s.input_octets, 0),
                    last_output_delta = greatest(excluded.output_octets - s.output_octets, 0),
                    input_octets = greatest(excluded.input_octets, s.input_octets),
                    output_octets = greatest(excluded.output_octets, s.output_octets),
                    updated_at = greatest(excluded.updated_at, s.updated_at),
                    stopped_at = coalesce(s.stopped_at, excluded.stopped_at),
                    stop_cause = coalesce(s.stop_cause, excluded.stop_cause),
                    framed_ip = coalesce(s.framed_ip, excluded.framed_ip),
                    imei = coalesce(excluded.imei, s.imei),
                    apn = coalesce(s.apn, excluded.apn)
                RETURNING s.id, s.nas_id, s.acct_session_id, s.tenant_id, s.iccid, s.last_input_delta,
                          s.last_output_delta, s.stopped_at IS NOT NULL AS stopped
            ), counted AS (
                INSERT INTO usage_counters AS u (tenant_id, period, iccid, data_bytes_up, data_bytes_down)
                SELECT tenant_id, usage_period(), iccid, sum(last_input_delta)::bigint, sum(last_output_delta)::bigint
                FROM sessions GROUP BY tenant_id, iccid ORDER BY tenant_id, iccid
                ON CONFLICT (tenant_id, period, iccid) DO UPDATE SET
                    data_bytes_up = u.data_bytes_up + excluded.data_bytes_up,
                    data_bytes_down = u.data_bytes_down + excluded.data_bytes_down
                RETURNING u.tenant_id, u.iccid, u.data_bytes_up + u.data_bytes_down AS total
            )
            SELECT s.id, s.nas_id, s.acct_session_id, s.tenant_id, s.iccid, c.total, s.stopped
            FROM sessions s JOIN counted c ON c.tenant_id = s.tenant_id AND c.iccid = s.iccid""";
    private static final String THRESHOLDS = """
            WITH before AS (
                SELECT data_warned, data_limit_reached_at FROM usage_counters
                WHERE tenant_id = $1 AND iccid = $2 AND period = usage_period() FOR UPDATE
            ), updated AS (
                UPDATE usage_counters u SET
                    data_warned = ARRAY(SELECT DISTINCT unnest(u.data_warned || $3::int[]) ORDER BY 1),
                    data_limit_reached_at = CASE WHEN $4 THEN coalesce(u.data_limit_reached_at, now())
                                                 ELSE u.data_limit_reached_at END
                WHERE tenant_id = $1 AND iccid = $2 AND period = usage_period()
                RETURNING u.data_limit_reached_at
            )
            SELECT ARRAY(SELECT unnest($3::int[]) EXCEPT SELECT unnest(b.data_warned) ORDER BY 1) AS warned_now,
                   ($4 AND b.data_limit_reached_at IS NULL) AS reached_now
            FROM before b, updated""";
    private static final String LIVE = "SELECT id, nas_id, host(nas_address) AS nas_address, acct_session_id,"
            + " tenant_id, iccid, host(framed_ip) AS framed_ip, imei, apn FROM data_sessions";

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
                column(reports, AccountingReport::interimInterval, Integer[]::new),
                column(reports, AccountingReport::stopCause, String[]::new),
                column(reports, r -> r.at().atOffset(ZoneOffset.UTC), OffsetDateTime[]::new)));
        return db.transaction(nas.allTenants(), tx -> tx.preparedQuery(ACCOUNT).execute(params)).map(rows -> {
            List<Accounted> accounted = new ArrayList<>(rows.size());
            rows.forEach(row -> accounted.add(new Accounted(row.getUUID("id"), row.getUUID("nas_id"),
                    row.getString("acct_session_id"), TenantId.parse(row.getString("tenant_id")),
                    Iccid.parse(row.getString("iccid")), row.getLong("total"), row.getBoolean("stopped"))));
            return accounted;
        });
    }

    @Override
    public Uni<Thresholds> dataThresholds(Actor nas, TenantId tenant, Iccid iccid, List<Integer> warnPercents,
                                          boolean limitReached) {
        return db.transaction(nas.allTenants(), tx -> tx.preparedQuery(THRESHOLDS)
                .execute(Tuple.of(tenant.value(), iccid.value(), warnPercents.toArray(Integer[]::new), limitReached))
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
                        + " host(framed_ip) AS framed_ip, imei, apn")
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
                row.getString("framed_ip"), row.getString("imei"), row.getString("apn"))));
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
