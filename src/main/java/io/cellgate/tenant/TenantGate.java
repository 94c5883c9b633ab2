package io.cellgate.tenant;

import io.cellgate.common.ProblemException;
import io.cellgate.common.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Tenant calls that change anything pass here first: the tenant must exist and be active. */
@ApplicationScoped
public class TenantGate {
    @Inject
    Pool pool;

    public Uni<Void> requireActive(String tenantId) {
        return pool.preparedQuery("SELECT status FROM tenants WHERE id = $1").execute(Tuple.of(tenantId))
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
