package io.cellgate.anomaly;

import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.TenantId;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.function.Function;
import org.jboss.logging.Logger;

/** The detector's work on tenants, one after the other: one tenant's failure is logged, and the others go on. */
final class TenantsInTurn {
    private static final Logger LOG = Logger.getLogger(TenantsInTurn.class);

    private TenantsInTurn() {
    }

    /** Runs {@code work} for each tenant that {@code tenants} (a query of their ids) answers; {@code what} names it. */
    static Uni<Void> each(ScopedDatabase db, String tenants, Function<TenantId, Uni<Void>> work, String what) {
        return db.query(Anomalies.DETECTOR.allTenants(), tenants, Tuple.tuple())
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(row -> {
                    TenantId tenant = TenantId.parse(row.getString("id"));
                    return work.apply(tenant).onFailure().recoverWithItem(e -> {
                        LOG.warnf("%s of tenant %s will try again: %s", what, tenant, e.getMessage());
                        return null;
                    });
                })
                .collect().last().replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("%s will try again: %s", what, e.getMessage());
                    return null;
                });
    }
}
