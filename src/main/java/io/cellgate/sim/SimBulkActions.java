package io.cellgate.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellgate.common.ProblemException;
import io.cellgate.job.JobFailure;
import io.cellgate.job.JobHandler;
import io.cellgate.job.JobRunner;
import io.cellgate.job.JobStore;
import io.cellgate.job.JobView;
import io.cellgate.job.ClaimedJob;
import io.cellgate.job.NewJob;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bulk lifecycle actions: submitted as a job over a fixed set of SIMs, then processed a chunk at a time by the job
 * runner with the same transition statement as single actions. One SIM's failure never stops the others.
 */
@ApplicationScoped
public class SimBulkActions implements JobHandler {
    static final String KIND = "sim_bulk_action";

    @Inject
    JobStore jobs;
    @Inject
    JobRunner runner;
    @Inject
    SimTransitions transitions;
    @Inject
    ObjectMapper json;

    public Uni<JobView> submit(String tenantId, BulkActionRequest request, String actor, String idempotencyKey) {
        if (request.action() == SimAction.TERMINATE && !"terminate".equals(request.confirm())) {
            throw ProblemException.invalid("confirm", "must be \"terminate\": termination is final");
        }
        SimSelection targets = SimSelection.of(tenantId, request.iccids(), request.filter());
        NewJob job = new NewJob(tenantId, KIND, request.action().apiName(), actor, idempotencyKey,
                JobStore.requestHash(json, request), targets.fromWhere(), targets.params(), Map.of());
        return jobs.create(job).invoke(created -> runner.kick());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<List<JobFailure>> process(SqlConnection tx, ClaimedJob job, List<String> targets) {
        SimAction action = SimAction.valueOf(job.action().toUpperCase());
        return transitions.apply(tx, job.tenantId(), targets, action, job.createdBy(), job.id()).map(outcomes -> {
            List<JobFailure> failures = new ArrayList<>();
            for (SimTransitions.Outcome outcome : outcomes) {
                if (outcome.notFound()) {
                    failures.add(new JobFailure(outcome.iccid(), "not_found", null));
                } else if (!outcome.changed()) {
                    failures.add(new JobFailure(outcome.iccid(), "illegal_transition", outcome.currentStatus().dbValue()));
                }
            }
            return failures;
        });
    }
}
