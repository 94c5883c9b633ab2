package io.cellgate.tenant;

import io.cellgate.common.Cursor;
import io.cellgate.common.Page;
import io.cellgate.common.PgErrors;
import io.cellgate.common.ProblemException;
import io.cellgate.common.ProblemType;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.cellgate.audit.AuditContext;
import io.cellgate.audit.AuditedWrites;
import io.cellgate.ratelimit.RateLimiter;
import io.quarkus.hibernate.reactive.panache.Panache;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class TenantService {
    @Inject
    RateLimiter rateLimits;
    @Inject
    AuditedWrites writes;
    @Inject
    AuditContext audit;

    @WithTransaction
    public Uni<TenantView> create(CreateTenantRequest request) {
        return Tenant.<Tenant>findById(request.id()).flatMap(existing -> {
            if (existing != null) {
                throw new ProblemException(ProblemType.CONFLICT, "Tenant " + request.id() + " already exists");
            }
            Tenant tenant = new Tenant();
            tenant.id = request.id();
            tenant.name = request.name().strip();
            tenant.status = TenantStatus.ACTIVE;
            tenant.applyQuotas(request.quotas());
            if (tenant.apiRequestsPerSecond == null) {
                tenant.apiRequestsPerSecond = rateLimits.defaultRate();
            }
            if (tenant.apiBurst == null) {
                tenant.apiBurst = rateLimits.defaultBurst();
            }
            tenant.createdAt = now();
            tenant.updatedAt = tenant.createdAt;
            return tenant.<Tenant>persistAndFlush().call(saved -> Panache.getSession().flatMap(writes::recordIn))
                    .map(Tenant::toView);
        }).onFailure(PgErrors::isUniqueViolation).transform(e ->
                new ProblemException(ProblemType.CONFLICT, "Tenant " + request.id() + " already exists"));
    }

    /** Undoes a tenant creation whose first admin could not be created; the tenant has nothing else yet. */
    @WithTransaction
    Uni<Void> deleteNew(String id) {
        return Tenant.deleteById(id).replaceWithVoid();
    }

    @WithSession
    public Uni<TenantView> get(String id) {
        return find(id).map(Tenant::toView);
    }

    @WithSession
    public Uni<Page<TenantView>> list(TenantStatus status, int limit, String cursor) {
        String after = Cursor.decode(cursor);
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (status != null) {
            params.add(status);
            where.add("status = ?" + params.size());
        }
        if (after != null) {
            params.add(after);
            where.add("id > ?" + params.size());
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by id";
        return Tenant.<Tenant>find(query, params.toArray()).range(0, limit).list()
                .map(rows -> Page.of(rows.stream().map(Tenant::toView).toList(), limit, TenantView::id));
    }

    @WithTransaction
    public Uni<TenantView> update(String id, UpdateTenantRequest request) {
        return find(id).map(tenant -> {
            Map<String, Object> before = auditFields(tenant);
            if (request.name() != null) {
                tenant.name = request.name().strip();
            }
            if (request.status() != null) {
                tenant.status = request.status();
            }
            tenant.applyQuotas(request.quotas());
            tenant.updatedAt = now();
            audit.changes(before, auditFields(tenant));
            return tenant;
        }).flatMap(tenant -> tenant.<Tenant>persistAndFlush())
                .call(saved -> Panache.getSession().flatMap(writes::recordIn))
                .map(Tenant::toView);
    }

    private static Map<String, Object> auditFields(Tenant tenant) {
        Map<String, Object> fields = new java.util.HashMap<>();
        fields.put("name", tenant.name);
        fields.put("status", tenant.status.dbValue());
        fields.put("max_sims", tenant.maxSims);
        fields.put("api_requests_per_second", tenant.apiRequestsPerSecond);
        fields.put("api_burst", tenant.apiBurst);
        fields.put("sms_per_second", tenant.smsPerSecond);
        return fields;
    }

    private static Uni<Tenant> find(String id) {
        return Tenant.<Tenant>findById(id).map(tenant -> {
            if (tenant == null) {
                throw ProblemException.notFound("Tenant " + id);
            }
            return tenant;
        });
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
