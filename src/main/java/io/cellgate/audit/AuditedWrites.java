package io.cellgate.audit;

import io.cellgate.common.DataScope;
import io.cellgate.common.ScopedDatabase;
import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;

/**
 * Write transactions of the management plane: the change and the audit record of the request that made it commit
 * together, or neither does. The record goes out with the COMMIT, so it adds no round trip to the write. Outside a
 * request (start-up seeding, background jobs) there is nothing to attribute.
 */
@ApplicationScoped
public class AuditedWrites {
    @Inject
    ScopedDatabase db;
    @Inject
    AuditLog log;
    @Inject
    AuditContext context;

    public <T> Uni<T> inTransaction(DataScope scope, Function<SqlConnection, Uni<T>> work) {
        if (!Arc.container().requestContext().isActive() || !context.isAudited()) {
            return db.transaction(scope, work);
        }
        return db.transaction(scope, work, (tx, result) -> log.append(tx, context, "success", null))
                .invoke(result -> context.markRecorded());
    }
}
