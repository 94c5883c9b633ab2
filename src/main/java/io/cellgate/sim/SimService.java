package io.cellgate.sim;

import io.cellgate.common.Actor;
import io.cellgate.common.Page;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.problem.FieldError;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import io.cellgate.sim.store.SimRepository;
import io.cellgate.sim.store.SimStore;
import io.cellgate.sim.store.SimTransitions;
import io.cellgate.tenant.TenantGate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A tenant's view of its SIMs: read, rename and label, move through the lifecycle, read the history. */
@ApplicationScoped
public class SimService {
    @Inject
    SimRepository sims;
    @Inject
    SimStore store;
    @Inject
    SimTransitions transitions;
    @Inject
    TenantGate gate;

    public Uni<SimView> get(Actor actor, Iccid iccid) {
        return sims.get(actor, iccid);
    }

    public Uni<Page<SimView>> list(Actor actor, SimFilter filter, int limit, String cursor) {
        return sims.list(actor, filter, limit, cursor);
    }

    /** Applies a merge patch of the name and labels to the version of the SIM that If-Match names. */
    public Uni<SimView> update(Actor actor, Iccid iccid, SimUpdate update, String ifMatch) {
        validate(update);
        return gate.write(actor, (tx, note) -> store.modify(tx, actor.requireTenant(), iccid, ifMatch, sim -> {
            Map<String, String> labels = update.getLabels() == null ? sim.labels()
                    : SimLabels.merge(sim.labels(), update.getLabels());
            if (labels.size() > SimLabels.MAX_LABELS) {
                throw ProblemException.invalid("labels", "at most " + SimLabels.MAX_LABELS + " labels");
            }
            return sim.withName(update.nameGiven() ? update.getName() : sim.name()).withLabels(labels);
        }).map(modified -> {
            Map<String, Object> before = new HashMap<>();
            Map<String, Object> after = new HashMap<>();
            before.put("labels", modified.before().labels());
            after.put("labels", modified.after().labels());
            if (update.nameGiven()) {
                before.put("name", modified.before().name());
                after.put("name", modified.after().name());
            }
            note.changes(before, after);
            return modified.sim();
        }));
    }

    /** One lifecycle action on one SIM: the new state, or 404 / 409 naming the current state and allowed actions. */
    public Uni<SimView> transition(Actor actor, Iccid iccid, SimAction action) {
        return gate.write(actor, (tx, note) ->
                transitions.apply(tx, actor.requireTenant(), List.of(iccid), action, actor.subject(), null)
                        .flatMap(outcomes -> {
                            SimTransitions.Outcome outcome = outcomes.get(0);
                            if (outcome.notFound()) {
                                throw ProblemException.notFound("SIM " + iccid);
                            }
                            if (!outcome.changed()) {
                                throw illegal(iccid, action, outcome.currentStatus());
                            }
                            note.changes(Map.of("status", outcome.currentStatus().dbValue()),
                                    Map.of("status", action.to().dbValue()));
                            return sims.get(tx, actor.requireTenant(), iccid);
                        }));
    }

    public Uni<Page<SimHistoryEntry>> history(Actor actor, Iccid iccid, int limit, String cursor) {
        return sims.history(actor, iccid, limit, cursor);
    }

    static ProblemException illegal(Iccid iccid, SimAction action, SimStatus current) {
        List<String> allowed = SimAction.allowedFrom(current).stream().map(SimAction::apiName).toList();
        return new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                "SIM " + iccid + " is " + current.dbValue() + "; '" + action.apiName() + "' is not allowed from there"
                        + (allowed.isEmpty() ? " (no action is)" : "; allowed: " + String.join(", ", allowed)),
                Map.of("current_status", current.dbValue(), "allowed_actions", allowed));
    }

    private static void validate(SimUpdate update) {
        List<FieldError> errors = new ArrayList<>();
        if (update.getName() != null && (update.getName().length() > SimLabels.MAX_NAME_LENGTH
                || update.getName().isBlank())) {
            errors.add(FieldError.of("name", "1 to " + SimLabels.MAX_NAME_LENGTH + " characters, not blank"));
        }
        SimLabels.validate(update.getLabels(), null, "labels", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
