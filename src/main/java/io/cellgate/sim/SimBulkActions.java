package io.cellgate.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellgate.common.FieldError;
import io.cellgate.common.Identifiers;
import io.cellgate.common.ProblemException;
import io.cellgate.job.JobFailure;
import io.cellgate.job.JobHandler;
import io.cellgate.job.JobRunner;
import io.cellgate.job.JobStore;
import io.cellgate.job.JobView;
import io.cellgate.job.ClaimedJob;
import io.cellgate.job.NewJob;
import io.cellgate.tenant.TenantGate;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

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
    TenantGate gate;
    @Inject
    ObjectMapper json;

    public Uni<JobView> submit(String tenantId, BulkActionRequest request, String actor, String idempotencyKey) {
        validate(request);
        Targets targets = targets(tenantId, request);
        NewJob job = new NewJob(tenantId, KIND, request.action().apiName(), actor, idempotencyKey, hash(request),
                targets.fromWhere(), targets.params());
        return gate.requireActive(tenantId).flatMap(ok -> jobs.create(job)).invoke(created -> runner.kick());
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

    private record Targets(String fromWhere, Tuple params) {
    }

    private static Targets targets(String tenantId, BulkActionRequest request) {
        if (request.iccids() != null) {
            return new Targets("FROM unnest($1::text[]) AS t(iccid)",
                    Tuple.tuple().addArrayOfString(request.iccids().toArray(String[]::new)));
        }
        SimQuery query = SimQuery.forTenant(tenantId, request.filter());
        return new Targets("FROM sims" + query.where(), query.params());
    }

    private static void validate(BulkActionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if ((request.iccids() == null) == (request.filter() == null)) {
            errors.add(FieldError.of("iccids", "give either iccids or filter, not both and not neither"));
        }
        if (request.iccids() != null) {
            for (int i = 0; i < request.iccids().size(); i++) {
                String problem = Identifiers.iccidError(request.iccids().get(i));
                if (problem != null && errors.size() < SimStockService.MAX_LISTED_ERRORS) {
                    errors.add(FieldError.of("iccids[" + i + "]", problem));
                }
            }
        }
        if (request.action() == SimAction.TERMINATE && !"terminate".equals(request.confirm())) {
            errors.add(FieldError.of("confirm", "must be \"terminate\": termination is final"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private String hash(BulkActionRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
