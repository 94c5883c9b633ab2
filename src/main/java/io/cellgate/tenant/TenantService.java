package io.cellgate.tenant;

import io.cellgate.audit.AuditedWrites;
import io.cellgate.common.Actor;
import io.cellgate.common.Cursor;
import io.cellgate.common.Page;
import io.cellgate.common.db.PgErrors;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import io.cellgate.ratelimit.RateLimiter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tenants and their quotas: carrier-ops work, so every transaction here runs in the all-tenants scope. */
@ApplicationScoped
public class TenantService {
    private static final String COLUMNS =
            "id, name, status, max_sims, api_requests_per_second, api_burst, sms_per_second, billing_day,"
                    + " webhooks_allow_http, created_at, updated_at, " + SmsAddresses.COLUMN;

    @Inject
    RateLimiter rateLimits;
    @Inject
    AuditedWrites writes;
    @Inject
    ScopedDatabase db;

    public Uni<TenantView> create(Actor actor, CreateTenantRequest request) {
        TenantQuotas quotas = request.quotas() == null ? TenantQuotas.NONE : request.quotas();
        Actor onTenant = actor.actingFor(request.id());
        return writes.inTransaction(onTenant, onTenant.allTenants(), (tx, note) -> tx.preparedQuery("INSERT INTO"
                        + " tenants (id, name, max_sims, api_requests_per_second, api_burst, sms_per_second,"
                        + " billing_day) VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, 1)) RETURNING " + COLUMNS)
                .execute(Tuple.from(new Object[] {request.id().value(), request.name().strip(), quotas.maxSims(),
                        orDefault(quotas.apiRequestsPerSecond(), rateLimits.defaultRate()),
                        orDefault(quotas.apiBurst(), rateLimits.defaultBurst()), quotas.smsPerSecond(),
                        request.billingDay()}))
                .flatMap(created -> SmsAddresses.replace(tx, request.id(), request.smsAddresses()))
                .flatMap(addresses -> find(tx, request.id(), "")))
                .onFailure(PgErrors::isUniqueViolation).transform(e ->
                        new ProblemException(ProblemType.CONFLICT, "Tenant " + request.id() + " already exists"));
    }

    /** Undoes a tenant creation whose first admin could not be created; the tenant has nothing else yet. */
    Uni<Void> deleteNew(Actor actor, TenantId id) {
        Actor onTenant = actor.actingFor(id);
        return writes.inTransaction(onTenant, onTenant.allTenants(), (tx, note) ->
                tx.preparedQuery("DELETE FROM tenants WHERE id = $1").execute(Tuple.of(id.value())).replaceWithVoid());
    }

    public Uni<TenantView> get(Actor actor, TenantId id) {
        return db.transaction(actor.allTenants(), tx -> find(tx, id, ""));
    }

    /** Whether the tenant exists (demo seeding). */
    public Uni<Boolean> exists(Actor actor, TenantId id) {
        return db.transaction(actor.allTenants(), tx -> tx.preparedQuery("SELECT 1 FROM tenants WHERE id = $1")
                .execute(Tuple.of(id.value())).map(rows -> rows.size() > 0));
    }

    public Uni<Page<TenantView>> list(Actor actor, TenantStatus status, int limit, String cursor) {
        TenantId after = Cursor.decode(cursor, TenantId::parse);
        return db.transaction(actor.allTenants(), tx -> tx.preparedQuery("SELECT " + COLUMNS + " FROM tenants"
                        + " WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR id > $2) ORDER BY id LIMIT $3")
                .execute(Tuple.of(status == null ? null : status.dbValue(), after == null ? null : after.value(),
                        limit + 1))
                .map(rows -> {
                    List<TenantView> tenants = new ArrayList<>();
                    for (Row row : rows) {
                        tenants.add(toView(row));
                    }
                    return Page.of(tenants, limit, tenant -> tenant.id().value());
                }));
    }

    public Uni<TenantView> update(Actor actor, TenantId id, UpdateTenantRequest request) {
        TenantQuotas quotas = request.quotas() == null ? TenantQuotas.NONE : request.quotas();
        Actor onTenant = actor.actingFor(id);
        return writes.inTransaction(onTenant, onTenant.allTenants(), (tx, note) -> find(tx, id, " FOR UPDATE")
                .call(before -> SmsAddresses.replace(tx, id, request.smsAddresses()))
                .flatMap(before -> tx.preparedQuery("UPDATE tenants SET name = coalesce($2, name),"
                                + " status = coalesce($3, status), max_sims = coalesce($4, max_sims),"
                                + " api_requests_per_second = coalesce($5, api_requests_per_second),"
                                + " api_burst = coalesce($6, api_burst), sms_per_second = coalesce($7, sms_per_second),"
                                + " billing_day = coalesce($8, billing_day),"
                                + " webhooks_allow_http = coalesce($9, webhooks_allow_http),"
                                + " version = version + 1, updated_at = now() WHERE id = $1 RETURNING " + COLUMNS)
                        .execute(Tuple.from(new Object[] {id.value(), request.name() == null ? null : request.name().strip(),
                                request.status() == null ? null : request.status().dbValue(), quotas.maxSims(),
                                quotas.apiRequestsPerSecond(), quotas.apiBurst(), quotas.smsPerSecond(),
                                request.billingDay(), request.webhooksAllowHttp()}))
                        .map(TenantService::single)
                        .invoke(after -> note.changes(auditFields(before), auditFields(after)))));
    }

    private static Uni<TenantView> find(SqlConnection tx, TenantId id, String lock) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM tenants WHERE id = $1" + lock).execute(Tuple.of(id.value()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Tenant " + id);
                    }
                    return single(rows);
                });
    }

    private static TenantView single(RowSet<Row> rows) {
        return toView(rows.iterator().next());
    }

    private static TenantView toView(Row row) {
        return new TenantView(TenantId.parse(row.getString("id")), row.getString("name"),
                TenantStatus.fromDb(row.getString("status")),
                new TenantQuotas(row.getInteger("max_sims"), row.getInteger("api_requests_per_second"),
                        row.getInteger("api_burst"), row.getInteger("sms_per_second")), row.getInteger("billing_day"),
                row.getBoolean("webhooks_allow_http"), List.of(row.getArrayOfStrings("sms_addresses")),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant(), null);
    }

    private static Map<String, Object> auditFields(TenantView tenant) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("name", tenant.name());
        fields.put("status", tenant.status().dbValue());
        fields.put("max_sims", tenant.quotas().maxSims());
        fields.put("api_requests_per_second", tenant.quotas().apiRequestsPerSecond());
        fields.put("api_burst", tenant.quotas().apiBurst());
        fields.put("sms_per_second", tenant.quotas().smsPerSecond());
        fields.put("billing_day", tenant.billingDay());
        fields.put("webhooks_allow_http", tenant.webhooksAllowHttp());
        fields.put("sms_addresses", tenant.smsAddresses());
        return fields;
    }

    private static Integer orDefault(Integer value, int fallback) {
        return value != null ? value : fallback;
    }
}
