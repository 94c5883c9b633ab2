package io.cellgate.ip;

import io.cellgate.audit.AuditedWrites;
import io.cellgate.common.Actor;
import io.cellgate.common.Cursor;
import io.cellgate.common.Page;
import io.cellgate.common.db.PgErrors;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.net.Cidr;
import io.cellgate.common.problem.FieldError;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** IP pools: carrier ops create them for tenants; tenants see theirs with usage. */
@ApplicationScoped
public class IpPoolService {
    private static final String SELECT = """
            SELECT p.id, p.tenant_id, p.name, p.cidr::text AS cidr, p.created_at,
                   (SELECT count(*) FROM sim_ip_addresses a WHERE a.pool_id = p.id) AS assigned
            FROM ip_pools p""";

    @Inject
    ScopedDatabase db;
    @Inject
    AuditedWrites writes;

    public Uni<IpPoolView> create(Actor actor, CreateIpPoolRequest request) {
        Cidr network = parse(request.cidr());
        Actor onTenant = actor.actingFor(request.tenantId());
        return writes.inTransaction(onTenant, onTenant.allTenants(), (tx, note) -> tx.preparedQuery("INSERT INTO"
                                + " ip_pools (id, tenant_id, name, cidr) SELECT $1, $2, $3, $4::text::cidr"
                                + " WHERE EXISTS (SELECT 1 FROM tenants WHERE id = $2) RETURNING id")
                        .execute(Tuple.of(UUID.randomUUID(), request.tenantId().value(), request.name().strip(),
                                network.toString())))
                .onFailure(PgErrors::isExclusionViolation).recoverWithUni(e -> overlapping(actor, network))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.invalid("tenant_id", "no tenant " + request.tenantId());
                    }
                    return get(actor, rows.iterator().next().getUUID("id"));
                });
    }

    /** A pool by id: of the actor's tenant, or (carrier ops acting for none) of any tenant; others are not found. */
    public Uni<IpPoolView> get(Actor actor, UUID id) {
        return db.transaction(actor.tenantOrAllScope(), tx -> find(tx, actor.tenant(), id)).map(IpPoolService::toView);
    }

    /** The pools of the actor's tenant, or (carrier ops) of every tenant or the one given. */
    public Uni<Page<IpPoolView>> list(Actor actor, TenantId tenant, int limit, String cursor) {
        UUID after = Cursor.decode(cursor, UUID::fromString);
        TenantId only = actor.tenant() != null ? actor.tenant() : tenant;
        Tuple params = Tuple.tuple();
        List<String> where = new ArrayList<>();
        if (only != null) {
            params.addValue(only.value());
            where.add("p.tenant_id = $" + params.size());
        }
        if (after != null) {
            params.addValue(after);
            where.add("p.id > $" + params.size());
        }
        params.addValue(limit + 1);
        String sql = SELECT + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY p.id LIMIT $" + params.size();
        return db.query(actor.tenantOrAllScope(), sql, params).map(rows -> {
            List<IpPoolView> pools = new ArrayList<>();
            rows.forEach(row -> pools.add(toView(row)));
            return Page.of(pools, limit, p -> p.id().toString());
        });
    }

    public Uni<Void> delete(Actor actor, UUID id) {
        return writes.inTransaction(actor, actor.allTenants(), (tx, note) -> find(tx, null, id).flatMap(row -> {
            note.concerns(TenantId.parse(row.getString("tenant_id")));
            long assigned = row.getLong("assigned");
            if (assigned > 0) {
                throw new ProblemException(ProblemType.CONFLICT, assigned + " SIMs hold addresses of this pool;"
                        + " release them first", Map.of("assigned", assigned));
            }
            return tx.preparedQuery("DELETE FROM ip_pools WHERE id = $1").execute(Tuple.of(id)).replaceWithVoid();
        }));
    }

    /** The pool with its usage: one of the tenant's (null: any tenant's), or a 404. */
    Uni<Row> find(SqlClient client, TenantId tenant, UUID id) {
        Tuple params = Tuple.of(id);
        String sql = SELECT + " WHERE p.id = $1";
        if (tenant != null) {
            params.addValue(tenant.value());
            sql += " AND p.tenant_id = $2";
        }
        return client.preparedQuery(sql).execute(params).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("IP pool " + id);
            }
            return rows.iterator().next();
        });
    }

    static IpPoolView toView(Row row) {
        Cidr network = Cidr.parse(row.getString("cidr"));
        long assigned = row.getLong("assigned");
        return new IpPoolView(row.getUUID("id"), TenantId.parse(row.getString("tenant_id")), row.getString("name"),
                network.toString(), new IpPoolView.Usage(network.hostCount(), assigned, network.hostCount() - assigned),
                row.getOffsetDateTime("created_at").toInstant());
    }

    private static Cidr parse(String cidr) {
        Cidr network;
        try {
            network = Cidr.parse(cidr);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cidr", e.getMessage());
        }
        List<FieldError> errors = new ArrayList<>();
        if (!network.isIpv4()) {
            errors.add(FieldError.of("cidr", "must be an IPv4 network"));
        } else if (network.prefix() < 8 || network.prefix() > 30) {
            errors.add(FieldError.of("cidr", "prefix length must be 8 to 30"));
        } else if (!network.isPrivate()) {
            errors.add(FieldError.of("cidr", "must be private: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return network;
    }

    private Uni<RowSet<Row>> overlapping(Actor actor, Cidr network) {
        return db.transaction(actor.allTenants(), tx -> tx.preparedQuery(
                        "SELECT id, tenant_id, cidr::text AS cidr FROM ip_pools WHERE cidr && $1::text::cidr LIMIT 1")
                .execute(Tuple.of(network.toString()))).map(rows -> {
                    Row other = rows.iterator().next();
                    throw new ProblemException(ProblemType.POOLS_OVERLAP, network + " overlaps pool "
                            + other.getString("cidr") + " (" + other.getUUID("id") + ")",
                            Map.of("overlapping_pool_id", other.getUUID("id").toString(),
                                    "overlapping_cidr", other.getString("cidr")));
                });
    }
}
