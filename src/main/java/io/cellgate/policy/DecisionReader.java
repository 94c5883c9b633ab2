package io.cellgate.policy;

import io.cellgate.common.Actor;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.Imsi;
import io.cellgate.common.id.Msisdn;
import io.cellgate.common.id.TenantId;
import io.cellgate.ports.Decision;
import io.cellgate.ports.DecisionReadPort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the decision view by IMSI (how the network names a subscriber) or by ICCID. One indexed row, joined with the
 * SIM's usage counters of the current period: the view is precomputed by the database whenever anything that affects
 * it changes. A key names one SIM of any tenant, so the lookup runs in the all-tenants scope, which only carrier ops and
 * network functions may open.
 */
@ApplicationScoped
public class DecisionReader implements DecisionReadPort {
    private static final String SELECT = """
            SELECT d.iccid, d.imsi, d.msisdn, d.tenant_id, d.sim_status, d.tenant_status, d.profile_id, d.policy,
                   d.imei_lock_mode, d.imei, host(d.static_ip) AS static_ip, d.updated_at,
                   d.billing_day, usage_period(d.billing_day) AS usage_period_start,
                   coalesce(u.data_bytes_up + u.data_bytes_down, 0) AS data_bytes_used
            FROM sim_decisions d
            LEFT JOIN usage_counters u ON u.tenant_id = d.tenant_id AND u.iccid = d.iccid
                 AND u.period = usage_period(d.billing_day)""";
    public static final String BY_IMSI = SELECT + " WHERE d.imsi = $1";
    public static final String BY_ICCID = SELECT + " WHERE d.iccid = $1";
    private static final String BY_ICCIDS = SELECT + " WHERE d.iccid = ANY ($1)";
    private static final String AFTER = SELECT + " WHERE d.iccid > $1 ORDER BY d.iccid LIMIT $2";

    @Inject
    ScopedDatabase db;

    @Override
    public Uni<Decision> decision(Actor reader, Imsi imsi) {
        return lookup(reader, BY_IMSI, imsi.value());
    }

    @Override
    public Uni<Decision> decision(Actor reader, Iccid iccid) {
        return lookup(reader, BY_ICCID, iccid.value());
    }

    @Override
    public Uni<List<Decision>> decisions(Actor reader, List<Iccid> iccids) {
        return db.query(reader.allTenants(), BY_ICCIDS, Tuple.of(iccids.stream().map(Iccid::value).toArray(String[]::new)))
                .map(DecisionReader::toDecisions);
    }

    @Override
    public Uni<List<Decision>> decisionsAfter(Actor reader, Iccid after, int limit) {
        return db.query(reader.allTenants(), AFTER, Tuple.of(after == null ? "" : after.value(), limit))
                .map(DecisionReader::toDecisions);
    }

    private static List<Decision> toDecisions(RowSet<io.vertx.mutiny.sqlclient.Row> rows) {
        List<Decision> decisions = new ArrayList<>(rows.size());
        rows.forEach(row -> decisions.add(toDecision(row.getDelegate())));
        return decisions;
    }

    private Uni<Decision> lookup(Actor reader, String sql, String key) {
        return db.query(reader.allTenants(), sql, Tuple.of(key))
                .map(rows -> rows.size() == 0 ? null : toDecision(rows.iterator().next().getDelegate()));
    }

    /** Maps a row of {@link #BY_IMSI} or {@link #BY_ICCID}. */
    public static Decision toDecision(Row row) {
        String msisdn = row.getString("msisdn");
        return new Decision(Iccid.parse(row.getString("iccid")), Imsi.parse(row.getString("imsi")),
                msisdn == null ? null : Msisdn.parse(msisdn), TenantId.parse(row.getString("tenant_id")),
                row.getString("sim_status"), row.getString("tenant_status"), row.getUUID("profile_id"),
                row.getJsonObject("policy").getMap(), row.getString("imei_lock_mode"), row.getString("imei"),
                row.getString("static_ip"), row.getOffsetDateTime("updated_at").toInstant(),
                row.getLong("data_bytes_used"), row.getLocalDate("usage_period_start"), row.getInteger("billing_day"));
    }
}
