package io.cellgate.tenant;

import io.cellgate.audit.AuditedWrites;
import io.cellgate.common.DataScope;
import io.cellgate.common.ProblemException;
import io.cellgate.common.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;

/** A tenant's changes pass here: in the tenant's data scope, audited, and only while the tenant exists and is active. */
@ApplicationScoped
public class TenantGate {
    @Inject
    AuditedWrites writes;

    /** One audited transaction in the tenant's scope that first checks the tenant is active. */
    public <T> Uni<T> write(String tenantId, Function<SqlConnection, Uni<T>> work) {
        return writes.inTransaction(DataScope.tenant(tenantId), tx -> requireActive(tx, tenantId)
                .flatMap(active -> work.apply(tx)));
    }

    private static Uni<Void> requireActive(SqlConnection tx, String tenantId) {
        return tx.preparedQuery("SELECT status FROM tenants WHERE id = $1").execute(Tuple.of(tenantId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new ProblemException(ProblemType.NO_TENANT,
                                "Tenant " + tenantId + " is not provisioned in Cellgate");
                    }
                    if (!"active".equals(rows.iterator().next().getString(0))) {
                        throw new ProblemException(ProblemType.TENANT_SUSPENDED,
                                "Tenant " + tenantId + " is suspended: data can be read but not changed");
                    }
                    return null;
                });
    }
}
