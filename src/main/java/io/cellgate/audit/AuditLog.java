package io.cellgate.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Appends records to the hash-chained trail; the database computes the chain (audit_append). */
@ApplicationScoped
public class AuditLog {
    static final String APPEND = "SELECT audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";

    static final String APPEND_NATIVE = "SELECT audit_append(?1, ?2, string_to_array(?3, ','), ?4, ?5, ?6, ?7, ?8, ?9,"
            + " ?10, ?11, ?12, cast(?13 as jsonb))";

    /** The same append inside a Hibernate Reactive transaction (the tenant entity's writes). */
    public Uni<Void> append(org.hibernate.reactive.mutiny.Mutiny.Session session, AuditContext context) {
        Object[] args = context.appendArguments("success", null);
        var query = session.createNativeQuery(APPEND_NATIVE);
        for (int i = 0; i < args.length; i++) {
            Object value = args[i] instanceof String[] roles ? String.join(",", roles)
                    : args[i] instanceof JsonObject json ? json.encode() : args[i];
            query.setParameter(i + 1, value);
        }
        return query.getSingleResult().invoke(id -> context.markRecorded()).replaceWithVoid();
    }

    Uni<Void> append(SqlClient client, AuditContext context, String outcome, Integer status) {
        Tuple params = Tuple.tuple();
        for (Object arg : context.appendArguments(outcome, status)) {
            if (arg instanceof String[] strings) {
                params.addArrayOfString(strings);
            } else {
                params.addValue(arg);
            }
        }
        return client.preparedQuery(APPEND).execute(params).replaceWithVoid();
    }
}
