package io.cellgate.sim.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellgate.common.Actor;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import io.cellgate.job.ClaimedJob;
import io.cellgate.job.JobFailure;
import io.cellgate.job.JobHandler;
import io.cellgate.job.JobKind;
import io.cellgate.job.JobRunner;
import io.cellgate.job.JobStore;
import io.cellgate.job.JobView;
import io.cellgate.job.NewJob;
import io.cellgate.sim.SimAction;
import io.cellgate.sim.store.SimTransitions;
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
public class SimBulkActions implements JobHandler<Iccid> {
    static final JobKind<Iccid> KIND = new JobKind<>("sim_bulk_action", SimSelection.ICCIDS);

    @Inject
    JobStore jobs;
    @Inject
    JobRunner runner;
    @Inject
    SimTransitions transitions;
    @Inject
    ObjectMapper json;

    public Uni<JobView> submit(Actor actor, BulkActionRequest request, String idempotencyKey) {
        if (!request.action().roles().stream().anyMatch(actor::hasRole)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Your roles do not allow '" + request.action().apiName() + "'");
        }
        if (request.action() == SimAction.TERMINATE) {
            actor.requireMfa("A bulk terminate");
            if (!"terminate".equals(request.confirm())) {
                throw ProblemException.invalid("confirm", "must be \"terminate\": termination is final");
            }
        }
        SimSelection targets = SimSelection.of(actor.requireTenant(), request.iccids(), request.filter());
        Map<String, Object> asked = request.filter() == null ? Map.of() : Map.of("filter", request.filter().given());
        NewJob job = new NewJob(request.action().apiName(), idempotencyKey, JobStore.requestHash(json, request),
                targets.fromWhere(), targets.params(), asked);
        return jobs.create(actor, this, job).invoke(created -> runner.kick());
    }

    @Override
    public JobKind<Iccid> kind() {
        return KIND;
    }

    @Override
    public Uni<List<JobFailure>> process(SqlConnection tx, ClaimedJob job, List<Iccid> targets) {
        SimAction action = SimAction.valueOf(job.action().toUpperCase());
        return transitions.apply(tx, job.tenant(), targets, action, job.createdBy(), job.id()).map(outcomes -> {
            List<JobFailure> failures = new ArrayList<>();
            for (SimTransitions.Outcome outcome : outcomes) {
                if (outcome.notFound()) {
                    failures.add(new JobFailure(outcome.iccid().value(), "not_found", null));
                } else if (!outcome.changed()) {
                    failures.add(new JobFailure(outcome.iccid().value(), "illegal_transition",
                            outcome.currentStatus().dbValue()));
                }
            }
            return failures;
        });
    }
}
