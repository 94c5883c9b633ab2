package io.cellgate.audit;

import io.cellgate.common.Actor;
import io.cellgate.common.Origin;
import io.cellgate.common.id.TenantId;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Appends records to the hash-chained trail through audit_append, which the service may call but not bypass: its role
 * can read the trail, never write it directly. audit_link computes the chain afterwards. A record says who acted (the
 * actor), for which tenant, what was asked and from where (the actor's origin), how it ended, and what changed.
 */
@ApplicationScoped
public class AuditLog {
    static final String APPEND = "SELECT audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";

    /** The record of {@code actor}'s request; its tenant is the one the actor acts for, else the one concerned. */
    Uni<Void> append(SqlClient client, Actor actor, TenantId concerned, JsonObject changes, String outcome,
                     Integer status) {
        Origin origin = actor.origin();
        TenantId tenant = actor.tenant() != null ? actor.tenant() : concerned;
        Tuple params = Tuple.tuple()
                .addValue(tenant == null ? null : tenant.value())
                .addValue(actor.subject())
                .addArrayOfString(actor.roles().toArray(String[]::new))
                .addValue(actor.mfa())
                .addValue(origin.clientIp())
                .addValue(origin.userAgent())
                .addValue(origin.requestId())
                .addValue(origin.action())
                .addValue(origin.method())
                .addValue(origin.target())
                .addValue(outcome)
                .addValue(status)
                .addValue(changes);
        return client.preparedQuery(APPEND).execute(params).replaceWithVoid();
    }
}
