package io.cellgate.anomaly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellgate.common.Actor;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.json.JsonMergePatch;
import io.cellgate.common.json.JsonPaths;
import io.cellgate.common.problem.FieldError;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.policy.PolicyDocument;
import io.cellgate.tenant.TenantGate;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A tenant's anomaly rules: the defaults with the tenant's changes over them (anomaly_rules holds the changes only, so
 * that a better default reaches every tenant that did not choose otherwise).
 */
@ApplicationScoped
public class AnomalyRuleService {
    private static final Set<String> RULES = Arrays.stream(AnomalyRule.values()).map(AnomalyRule::apiName)
            .collect(Collectors.toUnmodifiableSet());
    private static final Pattern APN = Pattern.compile(PolicyDocument.Apn.PATTERN);
    private static final String SELECT = "SELECT rules, updated_at FROM anomaly_rules WHERE tenant_id = $1";

    @Inject
    ScopedDatabase db;
    @Inject
    ObjectMapper json;
    @Inject
    TenantGate gate;

    public Uni<AnomalyRules> get(Actor actor) {
        return db.query(actor.scope(), SELECT, Tuple.of(actor.requireTenant().value())).map(this::rulesOf);
    }

    /** Applies a JSON merge patch of the rules to the tenant's changes; a member set to null returns to its default. */
    public Uni<AnomalyRules> update(Actor actor, JsonNode patch) {
        JsonMergePatch.requireMembers(patch, RULES);
        TenantId tenant = actor.requireTenant();
        // the row first, so that two first changes at once wait for each other instead of one overwriting the other
        return gate.write(actor, (tx, note) -> tx.preparedQuery("INSERT INTO anomaly_rules (tenant_id, rules)"
                        + " VALUES ($1, '{}') ON CONFLICT (tenant_id) DO NOTHING").execute(Tuple.of(tenant.value()))
                .flatMap(created -> tx.preparedQuery(SELECT + " FOR UPDATE").execute(Tuple.of(tenant.value())))
                .flatMap(rows -> {
                    JsonNode before = json.valueToTree(rows.iterator().next().getJsonObject("rules").getMap());
                    JsonNode after = JsonMergePatch.apply(before, patch);
                    effective(after);
                    note.changes(Map.of("anomaly_rules", json.convertValue(before, Map.class)),
                            Map.of("anomaly_rules", json.convertValue(after, Map.class)));
                    return tx.preparedQuery("UPDATE anomaly_rules SET rules = $2, version = version + 1,"
                                    + " updated_at = now() WHERE tenant_id = $1 RETURNING rules, updated_at")
                            .execute(Tuple.of(tenant.value(), new JsonObject(json.convertValue(after, Map.class))));
                })
                .map(this::rulesOf));
    }

    /** The rules a tenant's detector applies now, read in {@code client}'s transaction. */
    Uni<AnomalyRules> of(SqlClient client, TenantId tenant) {
        return client.preparedQuery(SELECT).execute(Tuple.of(tenant.value())).map(this::rulesOf);
    }

    private AnomalyRules rulesOf(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return AnomalyRules.DEFAULTS;
        }
        Row row = rows.iterator().next();
        AnomalyRules rules = effective(json.valueToTree(row.getJsonObject("rules").getMap()));
        OffsetDateTime updated = row.getOffsetDateTime("updated_at");
        return new AnomalyRules(rules.deviceSwap(), rules.authRejectBurst(), rules.dataUsageSpike(),
                rules.unexpectedRatType(), rules.unexpectedApn(), updated.toInstant());
    }

    /** The defaults with {@code changes} over them, checked: every offending field is named. */
    private AnomalyRules effective(JsonNode changes) {
        ObjectNode defaults = json.valueToTree(AnomalyRules.DEFAULTS);
        defaults.remove("updated_at");
        AnomalyRules rules;
        try {
            rules = json.treeToValue(JsonMergePatch.apply(defaults, changes), AnomalyRules.class);
        } catch (JsonMappingException e) {
            throw ProblemException.invalid(JsonPaths.of(e),
                    e instanceof UnrecognizedPropertyException ? "unknown field" : "wrong type or format");
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("body", "not a document of anomaly rules");
        }
        List<FieldError> errors = new ArrayList<>();
        for (AnomalyRule rule : AnomalyRule.values()) {
            if (rules.of(rule) == null || rules.of(rule).action() == null) {
                errors.add(FieldError.of(rule.apiName() + (rules.of(rule) == null ? "" : ".action"),
                        "required: notify or suspend"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        AnomalyRules.RejectBurst burst = rules.authRejectBurst();
        range(errors, "auth_reject_burst.threshold", burst.threshold(), 2, 1000);
        range(errors, "auth_reject_burst.window_seconds", burst.windowSeconds(), 10, 86_400);
        AnomalyRules.UsageSpike spike = rules.dataUsageSpike();
        range(errors, "data_usage_spike.multiplier", spike.multiplier(), 2, 1000);
        range(errors, "data_usage_spike.min_bytes", spike.minBytes(), 0, 1_000_000_000_000_000L);
        range(errors, "data_usage_spike.baseline_days", spike.baselineDays(), 2, 90);
        range(errors, "data_usage_spike.min_history_days", spike.minHistoryDays(), 1, 90);
        List<Integer> ratTypes = rules.unexpectedRatType().expected();
        if (ratTypes == null || ratTypes.size() > AnomalyRules.MAX_EXPECTED
                || ratTypes.stream().anyMatch(t -> t == null || t < 0 || t > 255)) {
            errors.add(FieldError.of("unexpected_rat_type.expected",
                    "a list of at most " + AnomalyRules.MAX_EXPECTED + " RAT types, 0 to 255"));
        }
        List<String> apns = rules.unexpectedApn().expected();
        if (apns == null || apns.size() > AnomalyRules.MAX_EXPECTED
                || apns.stream().anyMatch(a -> a == null || !APN.matcher(a).matches())) {
            errors.add(FieldError.of("unexpected_apn.expected",
                    "a list of at most " + AnomalyRules.MAX_EXPECTED + " APNs (letters, digits, '.' and '-')"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return rules;
    }

    private static void range(List<FieldError> errors, String field, long value, long min, long max) {
        if (value < min || value > max) {
            errors.add(FieldError.of(field, min + " to " + max));
        }
    }
}
