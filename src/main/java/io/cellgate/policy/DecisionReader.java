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
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads the decision view by IMSI (how the network names a subscriber) or by ICCID. One indexed row, no joins: the
 * view is precomputed by the database whenever anything that affects it changes. A key names one SIM of any tenant, so
 * the lookup runs in the all-tenants scope, which only carrier ops and network functions may open.
 */
@ApplicationScoped
public class DecisionReader implements DecisionReadPort {
    private static final String COLUMNS = "iccid, imsi, msisdn, tenant_id, sim_status, tenant_status, profile_id, policy,"
            + " imei_lock_mode, imei, host(static_ip) AS static_ip, updated_at";
    public static final String BY_IMSI = "SELECT " + COLUMNS + " FROM sim_decisions WHERE imsi = $1";
    public static final String BY_ICCID = "SELECT " + COLUMNS + " FROM sim_decisions WHERE iccid = $1";

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
                row.getString("static_ip"), row.getOffsetDateTime("updated_at").toInstant());
    }
}
