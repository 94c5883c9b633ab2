package io.cellgate.audit;

import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;

/**
 * Write transactions of the management plane: the change and the audit record of the request that made it commit
 * together, or neither does. Outside a request (start-up seeding, background jobs) there is nothing to attribute.
 */
@ApplicationScoped
public class AuditedWrites {
    @Inject
    Pool pool;
    @Inject
    AuditLog log;
    @Inject
    AuditContext context;

    /** For writes through Hibernate Reactive: appends the request's record in the session's current transaction. */
    public Uni<Void> recordIn(org.hibernate.reactive.mutiny.Mutiny.Session session) {
        if (!Arc.container().requestContext().isActive() || !context.isAudited()) {
            return Uni.createFrom().voidItem();
        }
        return log.append(session, context);
    }

    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        if (!Arc.container().requestContext().isActive() || !context.isAudited()) {
            return pool.withTransaction(work);
        }
        return pool.withTransaction(tx -> work.apply(tx).call(result -> log.append(tx, context, "success", null)))
                .invoke(result -> context.markRecorded());
    }
}
