package io.cellgate.anomaly;

import io.cellgate.audit.AuditedWrites;
import io.cellgate.common.Actor;
import io.cellgate.sim.SimAction;
import io.cellgate.sim.store.SimTransitions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raises anomalies in the transaction of the work that found them, SIM by SIM: the SIM is suspended as the anomaly
 * detector when one of its anomalies' rules says so (in the SIM's history and, one record per SIM, in the audit
 * trail), then each anomaly is an anomaly.detected event that says whether it suspended the SIM. Callers give the
 * anomalies in the order of their SIMs (tenant, ICCID): the order in which events lock their SIMs' counters, so that
 * this work and the network's never wait for each other in a circle.
 */
@ApplicationScoped
class Anomalies {
    static final Actor DETECTOR = Actor.Work.ANOMALY_DETECTOR.actor();
    private static final String EMIT = "SELECT emit_events(array_agg((e ->> 'tenant_id', e ->> 'iccid',"
            + " 'anomaly.detected', e -> 'data')::new_event ORDER BY n)) FROM jsonb_array_elements($1::jsonb)"
            + " WITH ORDINALITY AS a(e, n)";

    @Inject
    SimTransitions transitions;
    @Inject
    AuditedWrites audit;

    Uni<Void> raise(SqlConnection tx, List<Anomaly> anomalies) {
        Map<String, List<Anomaly>> bySim = new LinkedHashMap<>();
        for (Anomaly anomaly : anomalies) {
            bySim.computeIfAbsent(anomaly.tenant().value() + ' ' + anomaly.iccid().value(), k -> new ArrayList<>())
                    .add(anomaly);
        }
        return Multi.createFrom().iterable(bySim.values())
                .onItem().transformToUniAndConcatenate(ofSim -> raiseForSim(tx, ofSim))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> raiseForSim(SqlConnection tx, List<Anomaly> anomalies) {
        Anomaly suspending = anomalies.stream().filter(a -> a.action() == AnomalyAction.SUSPEND).findFirst()
                .orElse(null);
        Uni<Boolean> suspended = suspending == null ? Uni.createFrom().item(false)
                : transitions.apply(tx, suspending.tenant(), List.of(suspending.iccid()), SimAction.SUSPEND,
                        DETECTOR.subject(), null)
                .flatMap(outcomes -> !outcomes.get(0).changed() ? Uni.createFrom().item(false)
                        : audit.record(tx, DETECTOR.actingFor(suspending.tenant()),
                                Map.of("iccid", suspending.iccid().value(), "status", "active"),
                                Map.of("iccid", suspending.iccid().value(), "status", "suspended",
                                        "anomaly", suspending.finding().rule().apiName()))
                        .replaceWith(true));
        return suspended.flatMap(now -> tx.preparedQuery(EMIT)
                        .execute(Tuple.of(events(anomalies, now ? suspending : null))))
                .replaceWithVoid();
    }

    /** The events of one SIM's anomalies; {@code suspender}: the one that suspended the SIM now, if one did. */
    private static JsonArray events(List<Anomaly> anomalies, Anomaly suspender) {
        JsonArray events = new JsonArray();
        for (Anomaly anomaly : anomalies) {
            boolean suspendedNow = anomaly == suspender;
            JsonObject data = new JsonObject()
                    .put("rule", anomaly.finding().rule().apiName())
                    .put("action", anomaly.action().apiName())
                    .put("suspended", suspendedNow)
                    .put("suspended_by", suspendedNow ? DETECTOR.subject() : null)
                    .put("cause_event_id", anomaly.causeEventId() == null ? null : anomaly.causeEventId().toString())
                    .put("evidence", new JsonObject(new LinkedHashMap<>(anomaly.finding().evidence())));
            events.add(new JsonObject().put("tenant_id", anomaly.tenant().value())
                    .put("iccid", anomaly.iccid().value()).put("data", data));
        }
        return events;
    }
}
