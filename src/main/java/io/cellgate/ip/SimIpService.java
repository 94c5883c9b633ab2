package io.cellgate.ip;

import io.cellgate.common.Actor;
import io.cellgate.common.db.PgErrors;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.net.Cidr;
import io.cellgate.common.net.Ipv4;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import io.cellgate.sim.SimStatus;
import io.cellgate.sim.store.SimStore;
import io.cellgate.tenant.TenantGate;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Static IPs of SIMs. Allocation locks the pool row, so concurrent "next free" requests on one pool are served one
 * after the other and never hand out one address twice; the unique constraint on the address is the last guard.
 */
@ApplicationScoped
public class SimIpService {
    /** The lowest free host offsets of a pool: a walk over the host range that stops after {@code $4} hits. */
    private static final String FREE_OFFSETS = """
            SELECT o FROM generate_series(1::bigint, $3::bigint) o
            WHERE NOT EXISTS (SELECT 1 FROM sim_ip_addresses u WHERE u.pool_id = $1 AND u.address = $2::text::inet + o)
            ORDER BY o LIMIT $4""";
    private static final String VIEW = """
            SELECT a.iccid, host(a.address) AS address, a.pool_id, p.name AS pool_name, a.assigned_at
            FROM sim_ip_addresses a JOIN ip_pools p ON p.id = a.pool_id JOIN sims s ON s.iccid = a.iccid
            WHERE s.tenant_id = $1 AND a.iccid = $2""";

    @Inject
    ScopedDatabase db;
    @Inject
    TenantGate gate;
    @Inject
    SimStore sims;

    public Uni<SimIpAddressView> get(Actor actor, Iccid iccid) {
        TenantId tenant = actor.requireTenant();
        return db.transaction(actor.scope(), tx -> tx.preparedQuery("SELECT 1 FROM sims WHERE tenant_id = $1 AND"
                        + " iccid = $2").execute(Tuple.of(tenant.value(), iccid.value())).flatMap(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("SIM " + iccid);
                    }
                    return view(tx, tenant, iccid);
                })).map(view -> {
                    if (view == null) {
                        throw ProblemException.notFound("Static IP of SIM " + iccid);
                    }
                    return view;
                });
    }

    public Uni<SimIpAddressView> assign(Actor actor, Iccid iccid, AssignIpRequest request) {
        Ipv4 wanted = request.address() == null ? null : parseAddress(request.address());
        TenantId tenant = actor.requireTenant();
        return gate.write(actor, (tx, note) -> lockSim(tx, tenant, iccid)
                .flatMap(status -> {
                    if (status == SimStatus.TERMINATED) {
                        throw new ProblemException(ProblemType.CONFLICT, "SIM " + iccid
                                + " is terminated and cannot hold an address");
                    }
                    return lockPool(tx, tenant, request.poolId(), wanted);
                })
                .flatMap(target -> replace(tx, iccid, target, wanted))
                .flatMap(done -> view(tx, tenant, iccid)));
    }

    public Uni<Void> release(Actor actor, Iccid iccid) {
        return gate.write(actor, (tx, note) -> lockSim(tx, actor.requireTenant(), iccid)
                .flatMap(status -> tx.preparedQuery("DELETE FROM sim_ip_addresses WHERE iccid = $1")
                        .execute(Tuple.of(iccid.value())))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.notFound("Static IP of SIM " + iccid);
                    }
                    return null;
                }));
    }

    /** Allocates the {@code count} lowest free addresses of a locked pool; fewer when the pool runs out. */
    Uni<List<Ipv4>> freeAddresses(SqlConnection tx, UUID poolId, Cidr network, int count) {
        return tx.preparedQuery(FREE_OFFSETS)
                .execute(Tuple.of(poolId, network.networkAddress().toString(), network.hostCount(), count))
                .map(rows -> {
                    List<Ipv4> addresses = new ArrayList<>(rows.size());
                    rows.forEach(row -> addresses.add(network.networkAddress().plus(row.getLong(0))));
                    return addresses;
                });
    }

    private Uni<SimStatus> lockSim(SqlConnection tx, TenantId tenant, Iccid iccid) {
        return sims.lock(tx, tenant, List.of(iccid)).map(states -> {
            SimStatus status = states.get(iccid);
            if (status == null) {
                throw ProblemException.notFound("SIM " + iccid);
            }
            return status;
        });
    }

    private Uni<Void> replace(SqlConnection tx, Iccid iccid, LockedPool target, Ipv4 wanted) {
        return tx.preparedQuery("DELETE FROM sim_ip_addresses WHERE iccid = $1").execute(Tuple.of(iccid.value()))
                .flatMap(released -> wanted != null ? Uni.createFrom().item(wanted)
                        : freeAddresses(tx, target.id(), target.network(), 1).map(free -> {
                            if (free.isEmpty()) {
                                throw new ProblemException(ProblemType.POOL_EXHAUSTED, "Pool " + target.name() + " ("
                                        + target.network() + ") has no free address",
                                        Map.of("pool_id", target.id().toString(), "pool_name", target.name()));
                            }
                            return free.get(0);
                        }))
                .flatMap(address -> tx.preparedQuery(
                                "INSERT INTO sim_ip_addresses (iccid, pool_id, address) VALUES ($1, $2, $3::text::inet)")
                        .execute(Tuple.of(iccid.value(), target.id(), address.toString()))
                        .onFailure(PgErrors::isUniqueViolation).transform(e -> new ProblemException(
                                ProblemType.ADDRESS_IN_USE, address + " is already assigned to another SIM",
                                Map.of("address", address.toString()))))
                .replaceWithVoid();
    }

    private record LockedPool(UUID id, String name, Cidr network) {
    }

    /** The pool to allocate from, locked: the one named, the one holding the wanted address, or the only one. */
    private Uni<LockedPool> lockPool(SqlConnection tx, TenantId tenant, UUID poolId, Ipv4 wanted) {
        String sql = "SELECT id, name, cidr::text AS cidr FROM ip_pools WHERE tenant_id = $1";
        Tuple params = Tuple.of(tenant.value());
        if (poolId != null) {
            sql += " AND id = $2";
            params.addValue(poolId);
        } else if (wanted != null) {
            sql += " AND cidr >> $2::text::inet";
            params.addValue(wanted.toString());
        }
        return tx.preparedQuery(sql + " ORDER BY id FOR UPDATE").execute(params).map(rows -> {
            if (rows.size() != 1) {
                String field = poolId != null || wanted == null ? "pool_id" : "address";
                String message = poolId != null ? "no IP pool " + poolId + " in this tenant"
                        : wanted != null ? "not inside any IP pool of this tenant"
                        : rows.size() == 0 ? "the tenant has no IP pool yet" : "the tenant has several pools: name one";
                throw ProblemException.invalid(field, message);
            }
            Row row = rows.iterator().next();
            LockedPool locked = new LockedPool(row.getUUID("id"), row.getString("name"), Cidr.parse(row.getString("cidr")));
            if (wanted != null && !locked.network().isHost(wanted)) {
                throw ProblemException.invalid("address", wanted + " is not a host address of " + locked.network()
                        + " (network and broadcast addresses are never assigned)");
            }
            return locked;
        });
    }

    private static Uni<SimIpAddressView> view(SqlClient client, TenantId tenant, Iccid iccid) {
        return client.preparedQuery(VIEW).execute(Tuple.of(tenant.value(), iccid.value())).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            return new SimIpAddressView(Iccid.parse(row.getString("iccid")), row.getString("address"),
                    row.getUUID("pool_id"), row.getString("pool_name"), row.getOffsetDateTime("assigned_at").toInstant());
        });
    }

    private static Ipv4 parseAddress(String address) {
        try {
            return Ipv4.parse(address);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("address", e.getMessage());
        }
    }
}
