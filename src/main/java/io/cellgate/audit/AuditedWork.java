package io.cellgate.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Work in an audited transaction: it changes data through {@code tx} and notes what it changed in {@code note}. */
@FunctionalInterface
public interface AuditedWork<T> {
    Uni<T> run(SqlConnection tx, AuditNote note);
}
