package io.cellgate.tenant;

import io.cellgate.audit.AuditContext;
import io.cellgate.audit.AuditedWrites;
import io.cellgate.common.Cursor;
import io.cellgate.common.DataScope;
import io.cellgate.common.Page;
import io.cellgate.common.PgErrors;
import io.cellgate.common.ProblemException;
import io.cellgate.common.ProblemType;
import io.cellgate.common.ScopedDatabase;
import io.cellgate.ratelimit.RateLimiter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/** Tenants and their quotas: carrier-ops work, so every transaction here runs in the all-tenants scope. */
@ApplicationScoped
public class TenantService {
    private static final String COLUMNS =
            "id, name, status, max_sims, api_requests_per_second, api_burst, sms_per_second, created_at, updated_at";

    @Inject
    RateLimiter rateLimits;
    @Inject
    AuditedWrites writes;
    @Inject
    AuditContext audit;
    @Inject
    ScopedDatabase db;

    public Uni<TenantView> create(CreateTenantRequest request) {
        TenantQuotas quotas = request.quotas() == null ? new TenantQuotas(null, null, null, null) : request.quotas();
        audit.concernsTenant(request.id());
        return writes.inTransaction(DataScope.ALL_TENANTS, tx -> tx.preparedQuery("INSERT INTO tenants (id, name,"
                        + " max_sims, api_requests_per_second, api_burst, sms_per_second) VALUES ($1, $2, $3, $4, $5, $6)"
                        + " RETURNING " + COLUMNS)
                .execute(Tuple.from(new Object[] {request.id(), request.name().strip(), quotas.maxSims(),
                        orDefault(quotas.apiRequestsPerSecond(), rateLimits.defaultRate()),
                        orDefault(quotas.apiBurst(), rateLimits.defaultBurst()), quotas.smsPerSecond()}))
                .map(TenantService::single))
                .onFailure(PgErrors::isUniqueViolation).transform(e ->
                        new ProblemException(ProblemType.CONFLICT, "Tenant " + request.id() + " already exists"));
    }

    /** Undoes a tenant creation whose first admin could not be created; the tenant has nothing else yet. */
    Uni<Void> deleteNew(String id) {
        return writes.inTransaction(DataScope.ALL_TENANTS, tx ->
                tx.preparedQuery("DELETE FROM tenants WHERE id = $1").execute(Tuple.of(id)).replaceWithVoid());
    }

    public Uni<TenantView> get(String id) {
        return db.transaction(DataScope.ALL_TENANTS, tx -> find(tx, id, ""));
    }

    /** Whether the tenant exists; for seeding, which runs outside any request. */
    public Uni<Boolean> exists(String id) {
        return db.transaction(DataScope.ALL_TENANTS, tx -> tx.preparedQuery("SELECT 1 FROM tenants WHERE id = $1")
                .execute(Tuple.of(id)).map(rows -> rows.size() > 0));
    }

    public Uni<Page<TenantView>> list(TenantStatus status, int limit, String cursor) {
        String after = Cursor.decode(cursor);
        return db.transaction(DataScope.ALL_TENANTS, tx -> tx.preparedQuery("SELECT " + COLUMNS + " FROM tenants"
                        + " WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR id > $2) ORDER BY id LIMIT $3")
                .execute(Tuple.of(status == null ? null : status.dbValue(), after, limit + 1))
                .map(rows -> {
                    java.util.List<TenantView> tenants = new java.util.ArrayList<>();
                    for (Row row : rows) {
                        tenants.add(toView(row));
                    }
                    return Page.of(tenants, limit, TenantView::id);
                }));
    }

    public Uni<TenantView> update(String id, UpdateTenantRequest request) {
        TenantQuotas quotas = request.quotas() == null ? new TenantQuotas(null, null, null, null) : request.quotas();
        audit.concernsTenant(id);
        return writes.inTransaction(DataScope.ALL_TENANTS, tx -> find(tx, id, " FOR UPDATE").flatMap(before -> tx
                .preparedQuery("UPDATE tenants SET name = coalesce($2, name), status = coalesce($3, status),"
                        + " max_sims = coalesce($4, max_sims),"
                        + " api_requests_per_second = coalesce($5, api_requests_per_second),"
                        + " api_burst = coalesce($6, api_burst), sms_per_second = coalesce($7, sms_per_second),"
                        + " version = version + 1, updated_at = now() WHERE id = $1 RETURNING " + COLUMNS)
                .execute(Tuple.from(new Object[] {id, request.name() == null ? null : request.name().strip(),
                        request.status() == null ? null : request.status().dbValue(), quotas.maxSims(),
                        quotas.apiRequestsPerSecond(), quotas.apiBurst(), quotas.smsPerSecond()}))
                .map(TenantService::single)
                .invoke(after -> audit.changes(auditFields(before), auditFields(after)))));
    }

    private static Uni<TenantView> find(SqlConnection tx, String id, String lock) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM tenants WHERE id = $1" + lock).execute(Tuple.of(id))
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
        return new TenantView(row.getString("id"), row.getString("name"), TenantStatus.fromDb(row.getString("status")),
                new TenantQuotas(row.getInteger("max_sims"), row.getInteger("api_requests_per_second"),
                        row.getInteger("api_burst"), row.getInteger("sms_per_second")),
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
        return fields;
    }

    private static Integer orDefault(Integer value, int fallback) {
        return value != null ? value : fallback;
    }
}
