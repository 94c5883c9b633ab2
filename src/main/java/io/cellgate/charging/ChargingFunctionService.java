package io.cellgate.charging;

import io.cellgate.audit.AuditedWrites;
import io.cellgate.common.Actor;
import io.cellgate.common.db.PgErrors;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.ports.ChargingPort;
import io.cellgate.common.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The network functions carrier ops allow to ask online charging, each known by its OAuth2 client. */
@ApplicationScoped
public class ChargingFunctionService {
    private static final String COLUMNS = "id, name, client_id, enabled, created_at, updated_at";

    private static final String ANNOUNCE = "SELECT pg_notify('" + ChargingPort.CHANGES + "', '')";

    @Inject
    ScopedDatabase db;
    @Inject
    AuditedWrites writes;

    public Uni<ChargingFunctionView> create(Actor actor, CreateChargingFunctionRequest request) {
        return writes.inTransaction(actor, actor.allTenants(), (tx, note) -> tx.preparedQuery(
                        "INSERT INTO charging_functions (id, name, client_id, enabled) VALUES ($1, $2, $3, $4)"
                                + " RETURNING " + COLUMNS)
                        .execute(Tuple.of(UUID.randomUUID(), request.name(), request.clientId(),
                                request.enabled() == null || request.enabled()))
                        .map(rows -> toView(rows.iterator().next()))
                        .invoke(created -> note.changes(Map.of(), recorded(created)))
                        .call(created -> tx.query(ANNOUNCE).execute()))
                .onFailure(PgErrors::isUniqueViolation).transform(e -> new ProblemException(ProblemType.CONFLICT,
                        "A charging function with this name or client id exists"));
    }

    public Uni<List<ChargingFunctionView>> list(Actor actor) {
        return db.query(actor.allTenants(), "SELECT " + COLUMNS + " FROM charging_functions ORDER BY name",
                Tuple.tuple()).map(rows -> {
                    List<ChargingFunctionView> functions = new ArrayList<>();
                    rows.forEach(row -> functions.add(toView(row)));
                    return functions;
                });
    }

    public Uni<ChargingFunctionView> update(Actor actor, UUID id, UpdateChargingFunctionRequest request) {
        return writes.inTransaction(actor, actor.allTenants(), (tx, note) -> tx.preparedQuery(
                        "SELECT " + COLUMNS + " FROM charging_functions WHERE id = $1 FOR UPDATE").execute(Tuple.of(id))
                .flatMap(found -> {
                    if (found.size() == 0) {
                        throw ProblemException.notFound("Charging function " + id);
                    }
                    ChargingFunctionView before = toView(found.iterator().next());
                    return tx.preparedQuery("UPDATE charging_functions SET name = coalesce($2, name),"
                                    + " enabled = coalesce($3, enabled), version = version + 1, updated_at = now()"
                                    + " WHERE id = $1 RETURNING " + COLUMNS)
                            .execute(Tuple.from(Arrays.asList(id, request.name(), request.enabled())))
                            .map(rows -> toView(rows.iterator().next()))
                            .invoke(after -> note.changes(recorded(before), recorded(after)))
                            .call(after -> tx.query(ANNOUNCE).execute());
                }))
                .onFailure(PgErrors::isUniqueViolation).transform(e -> new ProblemException(ProblemType.CONFLICT,
                        "A charging function named " + request.name() + " exists"));
    }

    /** Deletes a function that never opened a charging session; one that did can only be disabled. */
    public Uni<Void> delete(Actor actor, UUID id) {
        return writes.inTransaction(actor, actor.allTenants(), (tx, note) -> tx.preparedQuery(
                        "DELETE FROM charging_functions f WHERE id = $1 AND NOT EXISTS"
                                + " (SELECT 1 FROM charging_sessions s WHERE s.function_id = f.id) RETURNING " + COLUMNS)
                .execute(Tuple.of(id)).flatMap(rows -> {
                    if (rows.size() > 0) {
                        note.changes(recorded(toView(rows.iterator().next())), Map.of());
                        return tx.query(ANNOUNCE).execute().replaceWithVoid();
                    }
                    return tx.preparedQuery("SELECT 1 FROM charging_functions WHERE id = $1").execute(Tuple.of(id))
                            .map(exists -> {
                                throw exists.size() == 0 ? ProblemException.notFound("Charging function " + id)
                                        : new ProblemException(ProblemType.CONFLICT, "Charging function " + id
                                        + " has charging sessions; disable it instead (enabled: false)");
                            });
                }));
    }

    private static ChargingFunctionView toView(Row row) {
        return new ChargingFunctionView(row.getUUID("id"), row.getString("name"), row.getString("client_id"),
                row.getBoolean("enabled"), row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("updated_at").toInstant());
    }

    private static Map<String, Object> recorded(ChargingFunctionView view) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", view.name());
        fields.put("client_id", view.clientId());
        fields.put("enabled", view.enabled());
        return fields;
    }
}
