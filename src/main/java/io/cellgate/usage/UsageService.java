package io.cellgate.usage;

import io.cellgate.common.Actor;
import io.cellgate.common.Cursor;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Usage as tenants read it: a SIM's counters and limits in a period, and the tenant's total with a per-SIM page. */
@ApplicationScoped
public class UsageService {
    private static final String COUNTERS = "u.data_bytes_up, u.data_bytes_down, u.sms_mo, u.sms_mt, u.voice_seconds";
    private static final String SIM_USAGE = """
            SELECT s.iccid, p.start AS period_start, d.policy -> 'limits' AS limits, u.data_warned,
                   u.data_limit_reached_at, %s
            FROM (SELECT tenant_usage_period($2, $3) AS start) p
            CROSS JOIN sims s
            LEFT JOIN sim_decisions d ON d.iccid = s.iccid
            LEFT JOIN usage_counters u ON u.tenant_id = s.tenant_id AND u.iccid = s.iccid AND u.period = p.start
            WHERE s.iccid = $1 AND s.tenant_id = $2""".formatted(COUNTERS);
    private static final String TOTAL = """
            SELECT tenant_usage_period($1, $2) AS period_start,
                   coalesce(sum(u.data_bytes_up), 0)::bigint AS data_bytes_up,
                   coalesce(sum(u.data_bytes_down), 0)::bigint AS data_bytes_down,
                   coalesce(sum(u.sms_mo), 0)::bigint AS sms_mo, coalesce(sum(u.sms_mt), 0)::bigint AS sms_mt,
                   coalesce(sum(u.voice_seconds), 0)::bigint AS voice_seconds
            FROM usage_counters u WHERE u.tenant_id = $1 AND u.period = tenant_usage_period($1, $2)""";
    private static final String PER_SIM = "SELECT u.iccid, " + COUNTERS + " FROM usage_counters u"
            + " WHERE u.tenant_id = $1 AND u.period = $2 AND u.iccid > $3 ORDER BY u.iccid LIMIT $4";

    @Inject
    ScopedDatabase db;

    public Uni<SimUsageView> simUsage(Actor actor, Iccid iccid, String period) {
        LocalDate month = Period.monthStart(period);
        TenantId tenant = actor.requireTenant();
        return db.query(actor.scope(), SIM_USAGE, Tuple.of(iccid.value(), tenant.value(), month))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("SIM " + iccid);
                    }
                    Row row = rows.iterator().next();
                    UsageCounters usage = row.getLong("data_bytes_up") == null ? UsageCounters.NONE : counters(row);
                    JsonObject limits = row.getJsonObject("limits");
                    Integer[] warned = row.getArrayOfIntegers("data_warned");
                    List<Integer> warnedPercent = warned == null ? List.of() : List.of(warned);
                    OffsetDateTime reached = row.getOffsetDateTime("data_limit_reached_at");
                    LocalDate start = row.getLocalDate("period_start");
                    return new SimUsageView(iccid, Period.name(start), start, start.plusMonths(1), usage,
                            new SimUsageView.Limits(
                            limit(limits, "data_bytes", usage.dataBytesTotal(), warnedPercent,
                                    reached == null ? null : reached.toInstant()),
                            limit(limits, "sms_count", usage.smsMo() + usage.smsMt(), null, null),
                            limit(limits, "voice_seconds", usage.voiceSeconds(), null, null)));
                });
    }

    public Uni<TenantUsageView> tenantUsage(Actor actor, String period, int limit, String cursor) {
        LocalDate month = Period.monthStart(period);
        String after = Cursor.decode(cursor, key -> Iccid.parse(key).value());
        TenantId tenant = actor.requireTenant();
        return db.transaction(actor.scope(), tx -> tx.preparedQuery(TOTAL).execute(Tuple.of(tenant.value(), month))
                .flatMap(totals -> {
                    Row totalRow = totals.iterator().next();
                    LocalDate start = totalRow.getLocalDate("period_start");
                    return tx.preparedQuery(PER_SIM).execute(Tuple.of(tenant.value(), start,
                            after == null ? "" : after, limit + 1)).map(rows -> {
                        List<TenantUsageView.SimCounters> sims = new ArrayList<>();
                        rows.forEach(row -> sims.add(new TenantUsageView.SimCounters(
                                Iccid.parse(row.getString("iccid")), counters(row))));
                        String next = sims.size() > limit ? Cursor.encode(sims.get(limit - 1).iccid().value()) : null;
                        return new TenantUsageView(Period.name(start), start, start.plusMonths(1), counters(totalRow),
                                List.copyOf(sims.subList(0, Math.min(limit, sims.size()))), next);
                    });
                }));
    }

    private static UsageCounters counters(Row row) {
        return UsageCounters.of(row.getLong("data_bytes_up"), row.getLong("data_bytes_down"), row.getLong("sms_mo"),
                row.getLong("sms_mt"), row.getLong("voice_seconds"));
    }

    private static SimUsageView.Limit limit(JsonObject limits, String name, long used, List<Integer> warned,
                                            Instant reachedAt) {
        JsonObject limit = limits == null ? null : limits.getJsonObject(name);
        if (limit == null || limit.getLong("limit") == null) {
            return null;
        }
        long value = limit.getLong("limit");
        return new SimUsageView.Limit(value, used, Math.max(0, value - used), limit.getString("action", "block"),
                warned, reachedAt);
    }
}
