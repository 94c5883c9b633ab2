package io.cellgate.webhooks;

import io.cellgate.common.Actor;
import io.cellgate.common.Cursor;
import io.cellgate.common.Page;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import io.cellgate.events.EventType;
import io.cellgate.tenant.TenantGate;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A webhook's deliveries as its tenant sees them, newest first with every attempt, and a delivery sent again. */
@ApplicationScoped
public class WebhookDeliveries {
    private static final int MAX_ATTEMPTS_SHOWN = 100;
    private static final String DELIVERIES = """
            SELECT d.id, d.event_id, e.type, d.iccid, d.state, d.next_attempt_at, d.created_at, d.finished_at
            FROM webhook_deliveries d JOIN events e ON e.id = d.event_id
            WHERE d.webhook_id = $1 AND d.id < $2 AND ($3::text IS NULL OR d.state = $3)
            ORDER BY d.id DESC LIMIT $4""";
    private static final String ATTEMPTS = """
            SELECT a.delivery_id, a.attempt, a.at, a.latency_ms, a.status_code, a.response_body, a.error
            FROM unnest($1::bigint[]) AS page(id)
            CROSS JOIN LATERAL (SELECT * FROM webhook_attempts a WHERE a.delivery_id = page.id
                                ORDER BY a.attempt DESC LIMIT %d) a
            ORDER BY a.delivery_id, a.attempt""".formatted(MAX_ATTEMPTS_SHOWN);
    private static final String RETRY = """
            UPDATE webhook_deliveries SET state = 'pending', next_attempt_at = now(), first_attempt_at = NULL,
                   finished_at = NULL
            WHERE webhook_id = $1 AND id = $2 AND state <> 'sending'
            RETURNING id""";

    @Inject
    ScopedDatabase db;
    @Inject
    TenantGate gate;

    public Uni<Page<DeliveryView>> list(Actor actor, UUID webhook, String state, int limit, String cursor) {
        Long before = Cursor.decode(cursor, Long::valueOf);
        TenantId tenant = actor.requireTenant();
        return db.transaction(actor.scope(), tx -> WebhookService.find(tx, tenant, webhook, false)
                .flatMap(found -> tx.preparedQuery(DELIVERIES).execute(Tuple.of(webhook,
                        before == null ? Long.MAX_VALUE : before, state, limit + 1)))
                .flatMap(rows -> withAttempts(tx, rows)))
                .map(deliveries -> Page.of(deliveries, limit, delivery -> Long.toString(delivery.id())));
    }

    /** Sends a delivery again, from now, with a new retry period: one that failed, succeeded or is waiting. */
    public Uni<DeliveryView> retry(Actor actor, UUID webhook, long delivery) {
        TenantId tenant = actor.requireTenant();
        return gate.write(actor, (tx, note) -> WebhookService.find(tx, tenant, webhook, false)
                .flatMap(found -> tx.preparedQuery("SELECT state FROM webhook_deliveries WHERE webhook_id = $1"
                        + " AND id = $2 FOR UPDATE").execute(Tuple.of(webhook, delivery)))
                .flatMap(current -> {
                    if (current.size() == 0) {
                        throw ProblemException.notFound("delivery " + delivery + " of webhook " + webhook);
                    }
                    String state = current.iterator().next().getString("state");
                    if ("sending".equals(state)) {
                        throw new ProblemException(ProblemType.CONFLICT, "Delivery " + delivery
                                + " is being sent; see its attempt before retrying it");
                    }
                    note.changes(Map.of("state", state), Map.of("state", "pending"));
                    return tx.preparedQuery(RETRY).execute(Tuple.of(webhook, delivery));
                })
                .flatMap(retried -> tx.preparedQuery(DELIVERIES).execute(Tuple.of(webhook, delivery + 1, null, 1)))
                .flatMap(rows -> withAttempts(tx, rows))
                .map(deliveries -> deliveries.get(0)));
    }

    private static Uni<List<DeliveryView>> withAttempts(SqlConnection tx, RowSet<Row> rows) {
        List<Row> deliveries = new ArrayList<>();
        rows.forEach(deliveries::add);
        Long[] ids = deliveries.stream().map(row -> row.getLong("id")).toArray(Long[]::new);
        return tx.preparedQuery(ATTEMPTS).execute(Tuple.of(ids)).map(attemptRows -> {
            Map<Long, List<DeliveryView.Attempt>> attempts = new HashMap<>();
            attemptRows.forEach(row -> attempts.computeIfAbsent(row.getLong("delivery_id"), id -> new ArrayList<>())
                    .add(new DeliveryView.Attempt(row.getInteger("attempt"), instant(row, "at"),
                            row.getInteger("latency_ms"), row.getInteger("status_code"),
                            row.getString("response_body"), row.getString("error"))));
            return deliveries.stream().map(row -> {
                String iccid = row.getString("iccid");
                return new DeliveryView(row.getLong("id"), row.getUUID("event_id"),
                        EventType.fromApiName(row.getString("type")), iccid == null ? null : Iccid.parse(iccid),
                        row.getString("state"), "pending".equals(row.getString("state"))
                        ? instant(row, "next_attempt_at") : null, instant(row, "created_at"),
                        instant(row, "finished_at"), attempts.getOrDefault(row.getLong("id"), List.of()));
            }).toList();
        });
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
