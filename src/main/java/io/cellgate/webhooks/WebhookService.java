package io.cellgate.webhooks;

import io.cellgate.audit.AuditedWrites;
import io.cellgate.common.Actor;
import io.cellgate.common.Cursor;
import io.cellgate.common.NewestFirst;
import io.cellgate.common.Page;
import io.cellgate.common.crypto.ResealedSecrets;
import io.cellgate.common.crypto.Resealing;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import io.cellgate.events.EventType;
import io.cellgate.tenant.TenantGate;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's webhooks: registered, changed, rotated, tested and removed by its admins, each change audited (never the
 * secret). A URL is checked before the transaction: its form, the tenant's permission for http, and where its host
 * resolves to ({@link WebhookAddresses}).
 */
@ApplicationScoped
public class WebhookService {
    /** A tenant's endpoints at most: each is a stream of requests Cellgate sends. */
    static final int MAX_PER_TENANT = 20;
    private static final int DEFAULT_GRACE_SECONDS = 86_400;
    private static final String COLUMNS = "id, url, event_types, enabled, description, disabled_reason, disabled_at,"
            + " failing_since, consecutive_failures, CASE WHEN previous_secret_until > now() THEN previous_secret_until"
            + " END AS previous_secret_until, created_at, updated_at";

    @Inject
    ScopedDatabase db;
    @Inject
    TenantGate gate;
    @Inject
    WebhookSecrets secrets;
    @Inject
    AuditedWrites writes;
    @Inject
    WebhookAddresses addresses;

    public Uni<WebhookView> create(Actor actor, CreateWebhookRequest request) {
        TenantId tenant = actor.requireTenant();
        UUID id = UUID.randomUUID();
        String secret = secrets.generate();
        return checkedUrl(actor, request.url()).flatMap(url -> gate.write(actor, (tx, note) -> tx.preparedQuery(
                        "SELECT count(*) FROM webhooks WHERE tenant_id = $1").execute(Tuple.of(tenant.value()))
                .flatMap(count -> {
                    if (count.iterator().next().getLong(0) >= MAX_PER_TENANT) {
                        throw new ProblemException(ProblemType.QUOTA_EXCEEDED, "A tenant has at most "
                                + MAX_PER_TENANT + " webhooks", Map.of("quota", "webhooks", "limit", MAX_PER_TENANT));
                    }
                    return tx.preparedQuery("INSERT INTO webhooks (id, tenant_id, url, event_types, enabled,"
                                    + " description, secret) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING " + COLUMNS)
                            .execute(Tuple.from(Arrays.asList(id, tenant.value(), url, types(request.eventTypes()),
                                    request.enabled() == null || request.enabled(), request.description(),
                                    Buffer.buffer(secrets.seal(id.toString(), secret)))));
                })
                .map(rows -> {
                    WebhookView created = toView(rows.iterator().next());
                    note.changes(Map.of(), recorded(created));
                    return created.withSecret(secret);
                })));
    }

    public Uni<WebhookView> get(Actor actor, UUID id) {
        return db.transaction(actor.scope(), tx -> find(tx, actor.requireTenant(), id, false))
                .map(WebhookService::toView);
    }

    public Uni<Page<WebhookView>> list(Actor actor, int limit, String cursor) {
        NewestFirst after = Cursor.decode(cursor, NewestFirst::parse);
        Tuple params = Tuple.of(actor.requireTenant().value(), limit + 1);
        String where = "";
        if (after != null) {
            params.addValue(after.at()).addValue(after.id());
            where = " AND (created_at, id) < ($3, $4)";
        }
        return db.query(actor.scope(), "SELECT " + COLUMNS + " FROM webhooks WHERE tenant_id = $1" + where
                + " ORDER BY created_at DESC, id DESC LIMIT $2", params).map(rows -> {
                    List<WebhookView> webhooks = new ArrayList<>();
                    rows.forEach(row -> webhooks.add(toView(row)));
                    return Page.of(webhooks, limit, w -> NewestFirst.of(w.createdAt(), w.id()).toString());
                });
    }

    public Uni<WebhookView> update(Actor actor, UUID id, UpdateWebhookRequest request) {
        TenantId tenant = actor.requireTenant();
        Uni<String> url = request.url() == null ? Uni.createFrom().nullItem() : checkedUrl(actor, request.url());
        return url.flatMap(checked -> gate.write(actor, (tx, note) -> find(tx, tenant, id, true).flatMap(row -> {
            WebhookView before = toView(row);
            boolean reenabled = Boolean.TRUE.equals(request.enabled()) && !before.enabled();
            return tx.preparedQuery("UPDATE webhooks SET url = coalesce($3, url),"
                            + " event_types = coalesce($4, event_types), enabled = coalesce($5, enabled),"
                            + " description = coalesce($6, description), version = version + 1, updated_at = now(),"
                            + " disabled_reason = CASE WHEN $7 THEN NULL ELSE disabled_reason END,"
                            + " disabled_at = CASE WHEN $7 THEN NULL ELSE disabled_at END,"
                            + " failing_since = CASE WHEN $7 THEN NULL ELSE failing_since END,"
                            + " consecutive_failures = CASE WHEN $7 THEN 0 ELSE consecutive_failures END"
                            + " WHERE tenant_id = $1 AND id = $2 RETURNING " + COLUMNS)
                    .execute(Tuple.from(Arrays.asList(tenant.value(), id, checked,
                            request.eventTypes() == null ? null : types(request.eventTypes()), request.enabled(),
                            request.description(), reenabled)))
                    .map(rows -> {
                        WebhookView after = toView(rows.iterator().next());
                        note.changes(recorded(before), recorded(after));
                        return after;
                    });
        })));
    }

    public Uni<Void> delete(Actor actor, UUID id) {
        TenantId tenant = actor.requireTenant();
        return gate.write(actor, (tx, note) -> find(tx, tenant, id, true).flatMap(row -> {
            note.changes(recorded(toView(row)), Map.of());
            return tx.preparedQuery("DELETE FROM webhooks WHERE tenant_id = $1 AND id = $2")
                    .execute(Tuple.of(tenant.value(), id))
                    .flatMap(deleted -> tx.preparedQuery("DELETE FROM webhook_deliveries WHERE webhook_id = $1")
                            .execute(Tuple.of(id)))
                    .replaceWithVoid();
        }));
    }

    /** A new secret; the current one stays valid for the grace period, and deliveries meanwhile carry both. */
    public Uni<WebhookView> rotateSecret(Actor actor, UUID id, Integer graceSeconds) {
        TenantId tenant = actor.requireTenant();
        String secret = secrets.generate();
        int grace = graceSeconds == null ? DEFAULT_GRACE_SECONDS : graceSeconds;
        return gate.write(actor, (tx, note) -> find(tx, tenant, id, true)
                .flatMap(row -> tx.preparedQuery("UPDATE webhooks SET previous_secret = secret,"
                                + " previous_secret_until = now() + make_interval(secs => $3), secret = $4,"
                                + " version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2"
                                + " RETURNING " + COLUMNS)
                        .execute(Tuple.of(tenant.value(), id, grace, Buffer.buffer(secrets.seal(id.toString(),
                                secret)))))
                .map(rows -> {
                    note.changes(Map.of(), Map.of("secret", "rotated", "grace_seconds", grace));
                    return toView(rows.iterator().next()).withSecret(secret);
                }));
    }

    /**
     * Seals every webhook's signing secret under the current key ({@link WebhookSecrets}), and the previous secret of
     * one still in its grace period; a previous secret past it is never read again, and is dropped.
     */
    public Uni<ResealedSecrets> resealSecrets(Actor actor) {
        return writes.inTransaction(actor, actor.allTenants(), (tx, note) -> tx.query("SELECT id, secret,"
                        + " CASE WHEN previous_secret_until > now() THEN previous_secret END AS previous_secret"
                        + " FROM webhooks ORDER BY id FOR UPDATE").execute().flatMap(rows -> {
                    Resealing resealing = new Resealing("webhook_secrets");
                    List<Tuple> changes = new ArrayList<>();
                    for (Row row : rows) {
                        String id = row.getUUID("id").toString();
                        byte[] previous = row.getBuffer("previous_secret") == null ? null
                                : row.getBuffer("previous_secret").getBytes();
                        changes.add(Tuple.of(row.getUUID("id"),
                                resealing.of(id, () -> secrets.resealed(id, row.getBuffer("secret").getBytes()))
                                        .map(Buffer::buffer).orElse(null),
                                previous == null ? null : resealing.of(id + " (previous secret)",
                                        () -> secrets.resealed(id, previous)).map(Buffer::buffer)
                                        .orElse(Buffer.buffer(previous))));
                    }
                    ResealedSecrets result = resealing.result();
                    note.changes(Map.of(), Map.of("resealed_webhook_secrets", result.resealed()));
                    return changes.isEmpty() ? Uni.createFrom().item(result)
                            : tx.preparedQuery("UPDATE webhooks SET secret = coalesce($2, secret),"
                                    + " previous_secret = $3 WHERE id = $1").executeBatch(changes).replaceWith(result);
                }));
    }

    /** Queues a webhook.test event for this webhook alone; answers its id. */
    public Uni<UUID> test(Actor actor, UUID id) {
        TenantId tenant = actor.requireTenant();
        return gate.write(actor, (tx, note) -> find(tx, tenant, id, false).flatMap(row -> {
            if (!row.getBoolean("enabled")) {
                throw new ProblemException(ProblemType.CONFLICT, "Webhook " + id + " is disabled; enable it first");
            }
            note.changes(Map.of(), Map.of("test", true));
            return tx.preparedQuery("SELECT emit_events(ARRAY[($1, NULL, 'webhook.test', jsonb_build_object("
                            + "'webhook_id', $2::uuid, 'message', 'A test event from Cellgate'))::new_event])")
                    .execute(Tuple.of(tenant.value(), id))
                    .flatMap(emitted -> tx.preparedQuery("SELECT id FROM events WHERE tenant_id = $1"
                                    + " AND type = 'webhook.test' AND data ->> 'webhook_id' = $2::text"
                                    + " ORDER BY position DESC LIMIT 1")
                            .execute(Tuple.of(tenant.value(), id.toString())))
                    .map(rows -> rows.iterator().next().getUUID("id"));
        }));
    }

    /** The URL once checked: its form, the tenant's permission for http, and where it resolves to now. */
    private Uni<String> checkedUrl(Actor actor, String url) {
        return db.query(actor.scope(), "SELECT webhooks_allow_http FROM tenants WHERE id = $1",
                        Tuple.of(actor.requireTenant().value()))
                .map(rows -> rows.size() > 0 && rows.iterator().next().getBoolean(0))
                .flatMap(httpAllowed -> {
                    WebhookTarget target;
                    try {
                        target = WebhookTarget.parse(url, httpAllowed);
                    } catch (IllegalArgumentException e) {
                        throw ProblemException.invalid("url", e.getMessage());
                    }
                    return addresses.check(target);
                })
                .onFailure(WebhookAddresses.Refused.class)
                .transform(e -> ProblemException.invalid("url", e.getMessage()))
                .replaceWith(url);
    }

    static Uni<Row> find(SqlConnection tx, TenantId tenant, UUID id, boolean forUpdate) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM webhooks WHERE tenant_id = $1 AND id = $2"
                        + (forUpdate ? " FOR UPDATE" : "")).execute(Tuple.of(tenant.value(), id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("webhook " + id);
                    }
                    return rows.iterator().next();
                });
    }

    private static String[] types(List<EventType> types) {
        return types == null ? new String[0] : types.stream().map(EventType::apiName).distinct().toArray(String[]::new);
    }

    private static Map<String, Object> recorded(WebhookView webhook) {
        Map<String, Object> recorded = new HashMap<>();
        recorded.put("url", webhook.url());
        recorded.put("event_types", webhook.eventTypes().stream().map(EventType::apiName).toList());
        recorded.put("enabled", webhook.enabled());
        recorded.put("description", webhook.description());
        return recorded;
    }

    private static WebhookView toView(Row row) {
        List<EventType> types = new ArrayList<>();
        for (String type : row.getArrayOfStrings("event_types")) {
            types.add(EventType.fromApiName(type));
        }
        return new WebhookView(row.getUUID("id"), row.getString("url"), types, row.getBoolean("enabled"),
                row.getString("description"), row.getString("disabled_reason"), instant(row, "disabled_at"),
                instant(row, "failing_since"), row.getInteger("consecutive_failures"),
                instant(row, "previous_secret_until"), null, instant(row, "created_at"), instant(row, "updated_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
