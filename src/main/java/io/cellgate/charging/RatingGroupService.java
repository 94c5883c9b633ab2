package io.cellgate.charging;

import io.cellgate.audit.AuditedWrites;
import io.cellgate.common.Actor;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.ports.ChargingPort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rating groups carrier ops configure: which of them counts voice seconds, SMS or data bytes. */
@ApplicationScoped
public class RatingGroupService {
    private static final String COLUMNS = "rating_group, service, description, created_at, updated_at";

    private static final String ANNOUNCE = "SELECT pg_notify('" + ChargingPort.CHANGES + "', '')";

    @Inject
    ScopedDatabase db;
    @Inject
    AuditedWrites writes;

    /** Creates the rating group, or changes what it counts. */
    public Uni<RatingGroupView> put(Actor actor, long ratingGroup, RatingGroupRequest request) {
        return writes.inTransaction(actor, actor.allTenants(), (tx, note) -> tx.preparedQuery(
                        "INSERT INTO rating_groups (rating_group, service, description) VALUES ($1, $2, $3)"
                                + " ON CONFLICT (rating_group) DO UPDATE SET service = EXCLUDED.service,"
                                + " description = EXCLUDED.description, updated_at = now() RETURNING " + COLUMNS)
                .execute(Tuple.of(ratingGroup, request.service(), request.description()))
                .map(rows -> toView(rows.iterator().next()))
                .invoke(view -> note.changes(Map.of(), Map.of("rating_group", ratingGroup, "service",
                        view.service())))
                .call(view -> tx.query(ANNOUNCE).execute()));
    }

    public Uni<List<RatingGroupView>> list(Actor actor) {
        return db.query(actor.allTenants(), "SELECT " + COLUMNS + " FROM rating_groups ORDER BY rating_group",
                Tuple.tuple()).map(rows -> {
                    List<RatingGroupView> groups = new ArrayList<>();
                    rows.forEach(row -> groups.add(toView(row)));
                    return groups;
                });
    }

    public Uni<Void> delete(Actor actor, long ratingGroup) {
        return writes.inTransaction(actor, actor.allTenants(), (tx, note) -> tx.preparedQuery(
                        "DELETE FROM rating_groups WHERE rating_group = $1 RETURNING service")
                .execute(Tuple.of(ratingGroup)).flatMap(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Rating group " + ratingGroup);
                    }
                    note.changes(Map.of("rating_group", ratingGroup, "service",
                            rows.iterator().next().getString("service")), Map.of());
                    return tx.query(ANNOUNCE).execute().replaceWithVoid();
                }));
    }

    private static RatingGroupView toView(Row row) {
        return new RatingGroupView(row.getLong("rating_group"), row.getString("service"),
                row.getString("description"), row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("updated_at").toInstant());
    }
}
