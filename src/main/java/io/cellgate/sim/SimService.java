package io.cellgate.sim;

import io.cellgate.common.Cursor;
import io.cellgate.common.Etags;
import io.cellgate.common.FieldError;
import io.cellgate.common.Page;
import io.cellgate.common.ProblemException;
import io.cellgate.common.ProblemType;
import io.cellgate.tenant.TenantGate;
import io.cellgate.audit.AuditContext;
import io.cellgate.common.DataScope;
import io.cellgate.common.ScopedDatabase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A tenant's view of its SIMs: read, rename and label, move through the lifecycle, read the history. */
@ApplicationScoped
public class SimService {
    @Inject
    ScopedDatabase db;
    @Inject
    AuditContext audit;
    @Inject
    SimRepository sims;
    @Inject
    SimTransitions transitions;
    @Inject
    TenantGate gate;

    public Uni<SimView> get(String tenantId, String iccid) {
        return sims.get(tenantId, iccid);
    }

    /** Whether a SIM with this ICCID exists at all, in stock or with any tenant (carrier ops, seeding). */
    public Uni<Boolean> existsAnywhere(String iccid) {
        return db.transaction(DataScope.ALL_TENANTS, tx -> tx.preparedQuery("SELECT 1 FROM sims WHERE iccid = $1")
                .execute(Tuple.of(iccid)).map(rows -> rows.size() > 0));
    }

    public Uni<Page<SimView>> list(String tenantId, SimFilter filter, int limit, String cursor) {
        return sims.list(SimQuery.forTenant(tenantId, filter), limit, cursor);
    }

    /** Applies a merge patch; {@code ifMatch} (an ETag) makes it conditional on the SIM's version. */
    public Uni<SimView> update(String tenantId, String iccid, SimUpdate update, String ifMatch) {
        validate(update);
        return gate.write(tenantId, tx ->
                tx.preparedQuery("SELECT name, labels, version FROM sims WHERE tenant_id = $1 AND iccid = $2 FOR UPDATE")
                        .execute(Tuple.of(tenantId, iccid))
                        .flatMap(rows -> {
                            if (rows.size() == 0) {
                                throw ProblemException.notFound("SIM " + iccid);
                            }
                            Row row = rows.iterator().next();
                            Etags.check(ifMatch, row.getLong("version"), "The SIM");
                            Map<String, String> labels = update.getLabels() == null ? SimRows.labels(row.getJsonObject("labels"))
                                    : SimLabels.merge(SimRows.labels(row.getJsonObject("labels")), update.getLabels());
                            if (labels.size() > SimLabels.MAX_LABELS) {
                                throw ProblemException.invalid("labels", "at most " + SimLabels.MAX_LABELS + " labels");
                            }
                            Map<String, Object> before = new java.util.HashMap<>();
                            before.put("labels", SimRows.labels(row.getJsonObject("labels")));
                            Map<String, Object> after = new java.util.HashMap<>();
                            after.put("labels", labels);
                            if (update.nameGiven()) {
                                before.put("name", row.getString("name"));
                                after.put("name", update.getName());
                            }
                            audit.changes(before, after);
                            return tx.preparedQuery("""
                                    UPDATE sims SET name = CASE WHEN $3 THEN $4 ELSE name END, labels = $5,
                                           version = version + 1, updated_at = now()
                                    WHERE tenant_id = $1 AND iccid = $2""")
                                    .execute(Tuple.of(tenantId, iccid, update.nameGiven(), update.getName(),
                                            SimRows.toJson(labels)));
                        })
                        .flatMap(done -> sims.get(tx, tenantId, iccid)));
    }

    /** One lifecycle action on one SIM: the new state, or 404 / 409 naming the current state and allowed actions. */
    public Uni<SimView> transition(String tenantId, String iccid, SimAction action, String actor) {
        return gate.write(tenantId, tx ->
                transitions.apply(tx, tenantId, List.of(iccid), action, actor, null).flatMap(outcomes -> {
                    SimTransitions.Outcome outcome = outcomes.get(0);
                    if (outcome.notFound()) {
                        throw ProblemException.notFound("SIM " + iccid);
                    }
                    if (!outcome.changed()) {
                        throw illegal(iccid, action, outcome.currentStatus());
                    }
                    audit.changes(Map.of("status", outcome.currentStatus().dbValue()),
                            Map.of("status", action.to().dbValue()));
                    return sims.get(tx, tenantId, iccid);
                }));
    }

    public Uni<Page<SimHistoryEntry>> history(String tenantId, String iccid, int limit, String cursor) {
        String after = Cursor.decode(cursor);
        long afterId = parseSequence(after);
        return db.transaction(DataScope.tenant(tenantId), tx -> sims.get(tx, tenantId, iccid)
                .flatMap(sim -> tx.preparedQuery("""
                        SELECT id, action, from_status, to_status, at, actor, job_id FROM sim_transitions
                        WHERE iccid = $1 AND tenant_id = $2 AND id > $3 ORDER BY id LIMIT $4""")
                .execute(Tuple.of(iccid, tenantId, afterId, limit + 1))
                .map(rows -> {
                    List<SimHistoryEntry> entries = new ArrayList<>();
                    for (Row row : rows) {
                        entries.add(new SimHistoryEntry(row.getString("action"),
                                SimStatus.fromDb(row.getString("from_status")), SimStatus.fromDb(row.getString("to_status")),
                                row.getOffsetDateTime("at").toInstant(), row.getString("actor"), row.getUUID("job_id"),
                                row.getLong("id")));
                    }
                    return Page.of(entries, limit, e -> Long.toString(e.sequence()));
                })));
    }

    static ProblemException illegal(String iccid, SimAction action, SimStatus current) {
        List<String> allowed = SimAction.allowedFrom(current).stream().map(SimAction::apiName).toList();
        return new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                "SIM " + iccid + " is " + current.dbValue() + "; '" + action.apiName() + "' is not allowed from there"
                        + (allowed.isEmpty() ? " (no action is)" : "; allowed: " + String.join(", ", allowed)),
                Map.of("current_status", current.dbValue(), "allowed_actions", allowed));
    }

    private static void validate(SimUpdate update) {
        List<FieldError> errors = new ArrayList<>();
        if (update.getName() != null && (update.getName().length() > 200 || update.getName().isBlank())) {
            errors.add(FieldError.of("name", "1 to 200 characters, not blank"));
        }
        SimLabels.validate(update.getLabels(), null, "labels", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static long parseSequence(String after) {
        if (after == null) {
            return 0;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "not a cursor returned by this API");
        }
    }
}
