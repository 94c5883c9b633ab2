package io.cellgate.sim.store;

import io.cellgate.common.Actor;
import io.cellgate.common.Cursor;
import io.cellgate.common.DataScope;
import io.cellgate.common.Page;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.sim.SimFilter;
import io.cellgate.sim.SimHistoryEntry;
import io.cellgate.sim.SimStatus;
import io.cellgate.sim.SimView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * SIM reads through the reactive PostgreSQL client: GET by ICCID and listing are the hottest management paths, and
 * keyset paging on (tenant_id, iccid) keeps the 1,000th page as fast as the first.
 */
@ApplicationScoped
public class SimRepository {
    private static final String BY_TENANT_AND_ICCID =
            "SELECT " + SimRows.COLUMNS + " FROM sims WHERE tenant_id = $1 AND iccid = $2";
    /** The same read in one round trip: scoped_sim opens the tenant's scope for its own statement. */
    private static final String SCOPED_BY_ICCID = "SELECT " + SimRows.COLUMNS + " FROM scoped_sim($1, $2)";
    private static final String HISTORY = """
            SELECT id, action, from_status, to_status, at, actor, job_id FROM sim_transitions
            WHERE iccid = $1 AND tenant_id = $2 AND id > $3 ORDER BY id LIMIT $4""";

    @Inject
    ScopedDatabase db;

    /** The SIM of the actor's tenant, or a 404 problem: another tenant's SIM is indistinguishable from a missing one. */
    public Uni<SimView> get(Actor actor, Iccid iccid) {
        return db.selfScopedQuery(actor.scope(), SCOPED_BY_ICCID, Tuple.of(iccid.value())).map(rows -> toSim(rows, iccid));
    }

    public Uni<SimView> get(SqlClient client, TenantId tenant, Iccid iccid) {
        return client.preparedQuery(BY_TENANT_AND_ICCID).execute(Tuple.of(tenant.value(), iccid.value()))
                .map(rows -> toSim(rows, iccid));
    }

    /** The actor's tenant's SIMs that match the filter, by ICCID. */
    public Uni<Page<SimView>> list(Actor actor, SimFilter filter, int limit, String cursor) {
        return list(actor.scope(), SimQuery.forTenant(actor.requireTenant(), filter.validated("")), limit, cursor);
    }

    /** Carrier ops: SIMs of every tenant (or of one) and in stock that match the filter, by ICCID. */
    public Uni<Page<SimView>> listAcrossTenants(Actor actor, TenantId tenant, SimFilter filter, int limit,
                                                String cursor) {
        SimQuery query = SimQuery.acrossTenants().eq("tenant_id", tenant == null ? null : tenant.value())
                .matching(filter.validated(""));
        return list(actor.allTenants(), query, limit, cursor);
    }

    /** Carrier ops: any SIM, in stock or with a tenant. */
    public Uni<SimView> getAnywhere(Actor actor, Iccid iccid) {
        return db.query(actor.allTenants(), "SELECT " + SimRows.COLUMNS + " FROM sims WHERE iccid = $1",
                Tuple.of(iccid.value())).map(rows -> toSim(rows, iccid));
    }

    private Uni<Page<SimView>> list(DataScope scope, SimQuery query, int limit, String cursor) {
        query.after(Cursor.decode(cursor, Iccid::parse));
        String sql = "SELECT " + SimRows.COLUMNS + " FROM sims" + query.where() + " ORDER BY iccid LIMIT "
                + query.param(limit + 1);
        return db.query(scope, sql, query.params()).map(rows -> {
            List<SimView> sims = new ArrayList<>(rows.size());
            for (Row row : rows) {
                sims.add(SimRows.toView(row));
            }
            return Page.of(sims, limit, sim -> sim.iccid().value());
        });
    }

    /** The lifecycle transitions of the actor's tenant's SIM while the tenant held it, oldest first. */
    public Uni<Page<SimHistoryEntry>> history(Actor actor, Iccid iccid, int limit, String cursor) {
        Long after = Cursor.decode(cursor, Long::valueOf);
        TenantId tenant = actor.requireTenant();
        return db.transaction(actor.scope(), tx -> get(tx, tenant, iccid)
                .flatMap(sim -> tx.preparedQuery(HISTORY)
                        .execute(Tuple.of(iccid.value(), tenant.value(), after == null ? 0L : after, limit + 1)))
                .map(rows -> {
                    List<SimHistoryEntry> entries = new ArrayList<>();
                    for (Row row : rows) {
                        entries.add(new SimHistoryEntry(row.getString("action"),
                                SimStatus.fromDb(row.getString("from_status")), SimStatus.fromDb(row.getString("to_status")),
                                row.getOffsetDateTime("at").toInstant(), row.getString("actor"), row.getUUID("job_id"),
                                row.getLong("id")));
                    }
                    return Page.of(entries, limit, e -> Long.toString(e.sequence()));
                }));
    }

    /** Whether a SIM with this ICCID exists at all, in stock or with any tenant. */
    public Uni<Boolean> existsAnywhere(Actor actor, Iccid iccid) {
        return db.query(actor.allTenants(), "SELECT 1 FROM sims WHERE iccid = $1", Tuple.of(iccid.value()))
                .map(rows -> rows.size() > 0);
    }

    static SimView toSim(RowSet<Row> rows, Iccid iccid) {
        if (rows.size() == 0) {
            throw ProblemException.notFound("SIM " + iccid);
        }
        return SimRows.toView(rows.iterator().next());
    }
}
