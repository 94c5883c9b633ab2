package io.cellgate.ip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellgate.job.ClaimedJob;
import io.cellgate.job.JobFailure;
import io.cellgate.job.JobHandler;
import io.cellgate.job.JobRunner;
import io.cellgate.job.JobStore;
import io.cellgate.job.JobView;
import io.cellgate.job.NewJob;
import io.cellgate.sim.SimSelection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Static IPs for many SIMs: a job that gives each SIM the pool's next free address, a chunk at a time. A SIM that
 * already holds an address of this pool keeps it; one with an address of another pool moves to this one.
 */
@ApplicationScoped
public class IpBulkAssignments implements JobHandler {
    static final String KIND = "ip_bulk_assignment";
    private static final String CANDIDATES = """
            SELECT r.iccid, s.status, a.pool_id FROM unnest($1::text[]) AS r(iccid)
            LEFT JOIN sims s ON s.iccid = r.iccid AND s.tenant_id = $2
            LEFT JOIN sim_ip_addresses a ON a.iccid = s.iccid
            ORDER BY r.iccid""";
    /** Locks the SIMs as single assignments do, so that both cannot move one SIM at the same time. */
    private static final String LOCK_SIMS =
            "SELECT 1 FROM sims WHERE iccid = ANY($1::text[]) AND tenant_id = $2 ORDER BY iccid FOR UPDATE";

    @Inject
    JobStore jobs;
    @Inject
    JobRunner runner;
    @Inject
    IpPoolService pools;
    @Inject
    SimIpService addresses;
    @Inject
    ObjectMapper json;

    public Uni<JobView> submit(String tenantId, UUID poolId, BulkIpAssignmentRequest request, String actor,
                               String idempotencyKey) {
        SimSelection targets = SimSelection.of(tenantId, request.iccids(), request.filter());
        NewJob job = new NewJob(tenantId, KIND, "assign_ip", actor, idempotencyKey,
                JobStore.requestHash(json, Map.of("pool_id", poolId.toString(), "request", request)),
                targets.fromWhere(), targets.params(), Map.of("pool_id", poolId.toString()));
        return pools.get(tenantId, poolId)
                .flatMap(pool -> jobs.create(job))
                .invoke(created -> runner.kick());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<List<JobFailure>> process(SqlConnection tx, ClaimedJob job, List<String> targets) {
        UUID poolId = UUID.fromString((String) job.parameters().get("pool_id"));
        return tx.preparedQuery("SELECT cidr::text AS cidr FROM ip_pools WHERE id = $1 AND tenant_id = $2 FOR UPDATE")
                .execute(Tuple.of(poolId, job.tenantId()))
                .flatMap(poolRows -> {
                    if (poolRows.size() == 0) {
                        return Uni.createFrom().item(failAll(targets, "pool_not_found"));
                    }
                    Ipv4 network = Ipv4.parseCidr(poolRows.iterator().next().getString("cidr"));
                    Tuple params = Tuple.tuple().addArrayOfString(targets.toArray(String[]::new))
                            .addValue(job.tenantId());
                    return tx.preparedQuery(LOCK_SIMS).execute(params)
                            .flatMap(locked -> tx.preparedQuery(CANDIDATES).execute(params))
                            .flatMap(rows -> assign(tx, poolId, network, rows));
                });
    }

    private Uni<List<JobFailure>> assign(SqlConnection tx, UUID poolId, Ipv4 network, Iterable<Row> candidates) {
        List<JobFailure> failures = new ArrayList<>();
        List<String> needing = new ArrayList<>();
        for (Row row : candidates) {
            String status = row.getString("status");
            if (status == null) {
                failures.add(new JobFailure(row.getString("iccid"), "not_found", null));
            } else if ("terminated".equals(status)) {
                failures.add(new JobFailure(row.getString("iccid"), "illegal_state", status));
            } else if (!poolId.equals(row.getUUID("pool_id"))) {
                needing.add(row.getString("iccid"));
            }
        }
        if (needing.isEmpty()) {
            return Uni.createFrom().item(failures);
        }
        return addresses.freeAddresses(tx, poolId, network, needing.size()).flatMap(free -> {
            for (String iccid : needing.subList(free.size(), needing.size())) {
                failures.add(new JobFailure(iccid, "pool_exhausted", null));
            }
            List<String> served = needing.subList(0, free.size());
            if (served.isEmpty()) {
                return Uni.createFrom().item(failures);
            }
            return tx.preparedQuery("DELETE FROM sim_ip_addresses WHERE iccid = ANY($1::text[])")
                    .execute(Tuple.tuple().addArrayOfString(served.toArray(String[]::new)))
                    .flatMap(released -> tx.preparedQuery("""
                                    INSERT INTO sim_ip_addresses (iccid, pool_id, address)
                                    SELECT i, $1, a::inet FROM unnest($2::text[], $3::text[]) AS t(i, a)""")
                            .execute(Tuple.tuple().addValue(poolId).addArrayOfString(served.toArray(String[]::new))
                                    .addArrayOfString(free.toArray(String[]::new))))
                    .map(inserted -> failures);
        });
    }

    private static List<JobFailure> failAll(List<String> targets, String reason) {
        return targets.stream().map(iccid -> new JobFailure(iccid, reason, null)).toList();
    }
}
