package io.cellgate.audit;

import io.cellgate.common.Actor;
import io.cellgate.common.DataScope;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.web.RequestOrigin;
import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Write transactions: the change and the audit record of its actor commit together, or neither does, whoever the
 * actor is (a person, a service account, carrier ops, a network function, the service's own work). The record goes
 * out with the COMMIT, so it adds no round trip to the write.
 */
@ApplicationScoped
public class AuditedWrites {
    @Inject
    ScopedDatabase db;
    @Inject
    AuditLog log;
    @Inject
    AuditContext http;
    @Inject
    RequestOrigin request;
    /** Off only to measure what the trail costs (bench/trust-overhead.sh); never in production. */
    @ConfigProperty(name = "cellgate.audit.enabled", defaultValue = "true")
    boolean enabled;

    public <T> Uni<T> inTransaction(Actor actor, DataScope scope, AuditedWork<T> work) {
        AuditNote note = new AuditNote();
        if (!enabled) {
            return db.transaction(scope, tx -> work.run(tx, note));
        }
        return db.transaction(scope, tx -> work.run(tx, note),
                        (tx, result) -> log.append(tx, actor, note.concerned(), note.changes(), "success", null))
                .invoke(result -> markAnswered(actor));
    }

    /**
     * Records one change of work that finds out what to change as it goes (the anomaly detector suspending a SIM),
     * in that work's own transaction: the record commits with the change, or neither does.
     */
    public Uni<Void> record(SqlClient tx, Actor actor, Map<String, ?> before, Map<String, ?> after) {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        AuditNote note = new AuditNote();
        note.changes(before, after);
        return log.append(tx, actor, null, note.changes(), "success", null);
    }

    /** The HTTP request this write answers, if it does, need not be recorded again when it is answered. */
    private void markAnswered(Actor actor) {
        if (Arc.container().requestContext().isActive() && request.get() != null
                && request.get().requestId().equals(actor.origin().requestId())) {
            http.markRecorded();
        }
    }
}
