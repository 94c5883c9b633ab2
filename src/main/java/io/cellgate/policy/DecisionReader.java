package io.cellgate.policy;

import io.smallrye.mutiny.Uni;
import io.cellgate.common.DataScope;
import io.cellgate.common.ScopedDatabase;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads the decision view by IMSI (how the network names a subscriber) or by ICCID. One indexed row, no joins: the
 * view is precomputed by the database whenever anything that affects it changes. A key names one SIM of any tenant, so
 * the lookup runs in the all-tenants scope.
 */
@ApplicationScoped
public class DecisionReader {
    private static final String COLUMNS = "iccid, imsi, msisdn, tenant_id, sim_status, tenant_status, profile_id, policy,"
            + " imei_lock_mode, imei, host(static_ip) AS static_ip, updated_at";
    public static final String BY_IMSI = "SELECT " + COLUMNS + " FROM sim_decisions WHERE imsi = $1";
    public static final String BY_ICCID = "SELECT " + COLUMNS + " FROM sim_decisions WHERE iccid = $1";

    @Inject
    ScopedDatabase db;

    /** The decision row of a SIM, or null when no tenant's SIM has this IMSI (the network must then refuse). */
    public Uni<Decision> byImsi(String imsi) {
        return lookup(BY_IMSI, imsi);
    }

    public Uni<Decision> byIccid(String iccid) {
        return lookup(BY_ICCID, iccid);
    }

    private Uni<Decision> lookup(String sql, String key) {
        return db.query(DataScope.ALL_TENANTS, sql, Tuple.of(key))
                .map(rows -> rows.size() == 0 ? null : toDecision(rows.iterator().next().getDelegate()));
    }

    /** Maps a row of {@link #BY_IMSI} or {@link #BY_ICCID}. */
    public static Decision toDecision(Row row) {
        return new Decision(row.getString("iccid"), row.getString("imsi"), row.getString("msisdn"),
                row.getString("tenant_id"), row.getString("sim_status"), row.getString("tenant_status"),
                row.getUUID("profile_id"), row.getJsonObject("policy"), row.getString("imei_lock_mode"),
                row.getString("imei"), row.getString("static_ip"), row.getOffsetDateTime("updated_at").toInstant());
    }
}
