package io.cellgate.tenant;

import io.cellgate.audit.AuditedWork;
import io.cellgate.audit.AuditedWrites;
import io.cellgate.common.Actor;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A tenant's changes pass here: in the data scope of the tenant the actor acts for, audited, and only while that
 * tenant exists and is active.
 */
@ApplicationScoped
public class TenantGate {
    @Inject
    AuditedWrites writes;

    /** One audited transaction in the actor's tenant scope that first checks the tenant is active. */
    public <T> Uni<T> write(Actor actor, AuditedWork<T> work) {
        TenantId tenant = actor.requireTenant();
        return writes.inTransaction(actor, actor.scope(), (tx, note) -> requireActive(tx, tenant)
                .flatMap(active -> work.run(tx, note)));
    }

    private static Uni<Void> requireActive(SqlConnection tx, TenantId tenant) {
        return tx.preparedQuery("SELECT status FROM tenants WHERE id = $1").execute(Tuple.of(tenant.value()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new ProblemException(ProblemType.NO_TENANT,
                                "Tenant " + tenant + " is not provisioned in Cellgate");
                    }
                    if (!"active".equals(rows.iterator().next().getString(0))) {
                        throw new ProblemException(ProblemType.TENANT_SUSPENDED,
                                "Tenant " + tenant + " is suspended: data can be read but not changed");
                    }
                    return null;
                });
    }
}
