package io.cellgate.ip;

import io.cellgate.common.Cursor;
import io.cellgate.common.FieldError;
import io.cellgate.common.Page;
import io.cellgate.common.PgErrors;
import io.cellgate.common.ProblemException;
import io.cellgate.common.ProblemType;
import io.cellgate.audit.AuditContext;
import io.cellgate.audit.AuditedWrites;
import io.smallrye.mutiny.Uni;
import io.cellgate.common.DataScope;
import io.cellgate.common.ScopedDatabase;
import io.vertx.mutiny.sqlclient.Row;
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
    @Inject
    AuditContext audit;

    public Uni<IpPoolView> create(CreateIpPoolRequest request) {
        Ipv4 network = parse(request.cidr());
        audit.concernsTenant(request.tenantId());
        return writes.inTransaction(DataScope.ALL_TENANTS, tx -> tx.preparedQuery("INSERT INTO ip_pools (id, tenant_id, name, cidr)"
                                + " SELECT $1, $2, $3, $4::text::cidr WHERE EXISTS (SELECT 1 FROM tenants WHERE id = $2)"
                                + " RETURNING id")
                        .execute(Tuple.of(UUID.randomUUID(), request.tenantId(), request.name().strip(),
                                network.toString())))
                .onFailure(PgErrors::isExclusionViolation).recoverWithUni(e -> overlapping(network))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.invalid("tenant_id", "no tenant " + request.tenantId());
                    }
                    return get(null, rows.iterator().next().getUUID("id"));
                });
    }

    /** A pool by id; with a tenant, only that tenant's pool (others are "not found"). */
    public Uni<IpPoolView> get(String tenantId, UUID id) {
        return db.transaction(DataScope.tenantOrAll(tenantId), tx -> find(tx, tenantId, id)).map(IpPoolService::toView);
    }

    public Uni<Page<IpPoolView>> list(String tenantId, int limit, String cursor) {
        String after = Cursor.decode(cursor);
        Tuple params = Tuple.tuple();
        List<String> where = new ArrayList<>();
        if (tenantId != null) {
            params.addValue(tenantId);
            where.add("p.tenant_id = $" + params.size());
        }
        if (after != null) {
            params.addValue(parseCursorId(after));
            where.add("p.id > $" + params.size());
        }
        params.addValue(limit + 1);
        String sql = SELECT + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY p.id LIMIT $" + params.size();
        return db.query(DataScope.tenantOrAll(tenantId), sql, params).map(rows -> {
            List<IpPoolView> pools = new ArrayList<>();
            rows.forEach(row -> pools.add(toView(row)));
            return Page.of(pools, limit, p -> p.id().toString());
        });
    }

    public Uni<Void> delete(UUID id) {
        return writes.inTransaction(DataScope.ALL_TENANTS, tx -> find(tx, null, id).flatMap(row -> {
            audit.concernsTenant(row.getString("tenant_id"));
            long assigned = row.getLong("assigned");
            if (assigned > 0) {
                throw new ProblemException(ProblemType.CONFLICT, assigned + " SIMs hold addresses of this pool;"
                        + " release them first", Map.of("assigned", assigned));
            }
            return tx.preparedQuery("DELETE FROM ip_pools WHERE id = $1").execute(Tuple.of(id)).replaceWithVoid();
        }));
    }

    Uni<Row> find(SqlClient client, String tenantId, UUID id) {
        Tuple params = Tuple.of(id);
        String sql = SELECT + " WHERE p.id = $1";
        if (tenantId != null) {
            params.addValue(tenantId);
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
        Ipv4 network = Ipv4.parseCidr(row.getString("cidr"));
        long assigned = row.getLong("assigned");
        return new IpPoolView(row.getUUID("id"), row.getString("tenant_id"), row.getString("name"), network.toString(),
                new IpPoolView.Usage(network.hostCount(), assigned, network.hostCount() - assigned),
                row.getOffsetDateTime("created_at").toInstant());
    }

    private static Ipv4 parse(String cidr) {
        Ipv4 network;
        try {
            network = Ipv4.parseCidr(cidr);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cidr", e.getMessage());
        }
        List<FieldError> errors = new ArrayList<>();
        if (network.prefix() < 8 || network.prefix() > 30) {
            errors.add(FieldError.of("cidr", "prefix length must be 8 to 30"));
        }
        if (!network.isPrivate()) {
            errors.add(FieldError.of("cidr", "must be private: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return network;
    }

    private Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> overlapping(Ipv4 network) {
        return db.transaction(DataScope.ALL_TENANTS, tx -> tx.preparedQuery(
                        "SELECT id, tenant_id, cidr::text AS cidr FROM ip_pools WHERE cidr && $1::text::cidr LIMIT 1")
                .execute(Tuple.of(network.toString()))).map(rows -> {
                    Row other = rows.iterator().next();
                    throw new ProblemException(ProblemType.POOLS_OVERLAP, network + " overlaps pool "
                            + other.getString("cidr") + " (" + other.getUUID("id") + ")",
                            Map.of("overlapping_pool_id", other.getUUID("id").toString(),
                                    "overlapping_cidr", other.getString("cidr")));
                });
    }

    private static UUID parseCursorId(String after) {
        try {
            return UUID.fromString(after);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "not a cursor returned by this API");
        }
    }
}
