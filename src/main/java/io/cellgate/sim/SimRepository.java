package io.cellgate.sim;

import io.cellgate.common.Cursor;
import io.cellgate.common.Page;
import io.cellgate.common.ProblemException;
import io.smallrye.mutiny.Uni;
import io.cellgate.common.DataScope;
import io.cellgate.common.ScopedDatabase;
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

    @Inject
    ScopedDatabase db;

    /** The tenant's SIM, or a 404 problem: another tenant's SIM is indistinguishable from a missing one. */
    public Uni<SimView> get(String tenantId, String iccid) {
        return db.selfScopedQuery(DataScope.tenant(tenantId), SCOPED_BY_ICCID, Tuple.of(iccid))
                .map(rows -> toSim(rows, iccid));
    }

    Uni<SimView> get(SqlClient client, String tenantId, String iccid) {
        return client.preparedQuery(BY_TENANT_AND_ICCID).execute(Tuple.of(tenantId, iccid))
                .map(rows -> toSim(rows, iccid));
    }

    private static SimView toSim(RowSet<Row> rows, String iccid) {
        if (rows.size() == 0) {
            throw ProblemException.notFound("SIM " + iccid);
        }
        return SimRows.toView(rows.iterator().next());
    }

    public Uni<Page<SimView>> list(SimQuery query, int limit, String cursor) {
        query.after(Cursor.decode(cursor));
        String sql = "SELECT " + SimRows.COLUMNS + " FROM sims" + query.where() + " ORDER BY iccid LIMIT "
                + query.param(limit + 1);
        return db.query(query.scope(), sql, query.params()).map(rows -> {
            List<SimView> sims = new ArrayList<>(rows.size());
            for (Row row : rows) {
                sims.add(SimRows.toView(row));
            }
            return Page.of(sims, limit, SimView::iccid);
        });
    }
}
