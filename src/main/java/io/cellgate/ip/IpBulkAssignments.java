package io.cellgate.ip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellgate.common.Actor;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.net.Cidr;
import io.cellgate.common.net.Ipv4;
import io.cellgate.job.ClaimedJob;
import io.cellgate.job.JobFailure;
import io.cellgate.job.JobHandler;
import io.cellgate.job.JobKind;
import io.cellgate.job.JobRunner;
import io.cellgate.job.JobStore;
import io.cellgate.job.JobView;
import io.cellgate.job.NewJob;
import io.cellgate.sim.SimStatus;
import io.cellgate.sim.bulk.SimSelection;
import io.cellgate.sim.store.SimStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Static IPs for many SIMs: a job that gives each SIM the pool's next free address, a chunk at a time. A SIM that
 * already holds an address of this pool keeps it; one with an address of another pool moves to this one.
 */
@ApplicationScoped
public class IpBulkAssignments implements JobHandler<Iccid> {
    static final JobKind<Iccid> KIND = new JobKind<>("ip_bulk_assignment", SimSelection.ICCIDS);
    private static final String CURRENT_POOLS = "SELECT iccid, pool_id FROM sim_ip_addresses WHERE iccid = ANY($1::text[])";

    @Inject
    JobStore jobs;
    @Inject
    JobRunner runner;
    @Inject
    IpPoolService pools;
    @Inject
    SimIpService addresses;
    @Inject
    SimStore sims;
    @Inject
    ObjectMapper json;

    public Uni<JobView> submit(Actor actor, UUID poolId, BulkIpAssignmentRequest request, String idempotencyKey) {
        SimSelection targets = SimSelection.of(actor.requireTenant(), request.iccids(), request.filter());
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("pool_id", poolId.toString());
        if (request.filter() != null) {
            parameters.put("filter", request.filter().given());
        }
        NewJob job = new NewJob("assign_ip", idempotencyKey,
                JobStore.requestHash(json, Map.of("pool_id", poolId.toString(), "request", request)),
                targets.fromWhere(), targets.params(), parameters);
        return pools.get(actor, poolId)
                .flatMap(pool -> jobs.create(actor, this, job))
                .invoke(created -> runner.kick());
    }

    @Override
    public JobKind<Iccid> kind() {
        return KIND;
    }

    @Override
    public Uni<List<JobFailure>> process(SqlConnection tx, ClaimedJob job, List<Iccid> targets) {
        UUID poolId = UUID.fromString((String) job.parameters().get("pool_id"));
        // SIMs before their pool, in the order of every writer of addresses, so that none waits for another in a circle
        return sims.lock(tx, job.tenant(), targets).flatMap(states -> tx.preparedQuery(
                        "SELECT cidr::text AS cidr FROM ip_pools WHERE id = $1 AND tenant_id = $2 FOR UPDATE")
                .execute(Tuple.of(poolId, job.tenant().value()))
                .flatMap(poolRows -> {
                    if (poolRows.size() == 0) {
                        return Uni.createFrom().item(failAll(targets, "pool_not_found"));
                    }
                    Cidr network = Cidr.parse(poolRows.iterator().next().getString("cidr"));
                    return tx.preparedQuery(CURRENT_POOLS).execute(Tuple.tuple().addArrayOfString(Iccid.values(targets)))
                            .flatMap(current -> assign(tx, poolId, network, targets, states, current));
                }));
    }

    private Uni<List<JobFailure>> assign(SqlConnection tx, UUID poolId, Cidr network, List<Iccid> targets,
                                         Map<Iccid, SimStatus> states, Iterable<Row> currentPools) {
        Map<Iccid, UUID> poolOf = new HashMap<>();
        for (Row row : currentPools) {
            poolOf.put(Iccid.parse(row.getString("iccid")), row.getUUID("pool_id"));
        }
        List<JobFailure> failures = new ArrayList<>();
        List<Iccid> needing = new ArrayList<>();
        for (Iccid iccid : targets) {
            SimStatus status = states.get(iccid);
            if (status == null) {
                failures.add(new JobFailure(iccid.value(), "not_found", null));
            } else if (status == SimStatus.TERMINATED) {
                failures.add(new JobFailure(iccid.value(), "illegal_state", status.dbValue()));
            } else if (!poolId.equals(poolOf.get(iccid))) {
                needing.add(iccid);
            }
        }
        if (needing.isEmpty()) {
            return Uni.createFrom().item(failures);
        }
        return addresses.freeAddresses(tx, poolId, network, needing.size()).flatMap(free -> {
            for (Iccid iccid : needing.subList(free.size(), needing.size())) {
                failures.add(new JobFailure(iccid.value(), "pool_exhausted", null));
            }
            String[] served = Iccid.values(needing.subList(0, free.size()));
            if (served.length == 0) {
                return Uni.createFrom().item(failures);
            }
            return tx.preparedQuery("DELETE FROM sim_ip_addresses WHERE iccid = ANY($1::text[])")
                    .execute(Tuple.tuple().addArrayOfString(served))
                    .flatMap(released -> tx.preparedQuery("""
                                    INSERT INTO sim_ip_addresses (iccid, pool_id, address)
                                    SELECT i, $1, a::inet FROM unnest($2::text[], $3::text[]) AS t(i, a)""")
                            .execute(Tuple.tuple().addValue(poolId).addArrayOfString(served)
                                    .addArrayOfString(free.stream().map(Ipv4::toString).toArray(String[]::new))))
                    .map(inserted -> failures);
        });
    }

    private static List<JobFailure> failAll(List<Iccid> targets, String reason) {
        return targets.stream().map(iccid -> new JobFailure(iccid.value(), reason, null)).toList();
    }
}
