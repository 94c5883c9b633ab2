package io.cellgate.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Appends records to the hash-chained trail through audit_append, which the service may call but not bypass: its role
 * can read the trail, never write it directly. audit_link computes the chain afterwards.
 */
@ApplicationScoped
public class AuditLog {
    static final String APPEND = "SELECT audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";

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
