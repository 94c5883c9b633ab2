package io.cellgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellgate.audit.AuditNote;
import io.cellgate.common.Actor;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.json.JsonMergePatch;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.sim.store.SimStore;
import io.cellgate.tenant.TenantGate;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A SIM's policy: its profile, its overrides, and the effective result read from the decision view. Every change is a
 * write to the SIM, at the version If-Match names, through the SIM's own writer ({@link SimStore}).
 */
@ApplicationScoped
public class SimPolicyService {
    private static final Set<String> UPDATABLE = Set.of("service_profile_id", "overrides");
    private static final String IMEI_LOCK = "imei_lock";
    private static final String READ = """
            SELECT s.iccid, s.version, s.policy_overrides, s.profile_id AS chosen_profile, d.policy,
                   p.id AS profile_id, p.name AS profile_name, p.policy AS profile_policy
            FROM sims s JOIN sim_decisions d ON d.iccid = s.iccid
            LEFT JOIN service_profiles p ON p.id = d.profile_id
            WHERE s.tenant_id = $1 AND s.iccid = $2""";

    @Inject
    ScopedDatabase db;
    @Inject
    ObjectMapper json;
    @Inject
    TenantGate gate;
    @Inject
    PolicyJson policyJson;
    @Inject
    ServiceProfileService profiles;
    @Inject
    SimStore sims;

    public Uni<SimPolicyView> get(Actor actor, Iccid iccid) {
        return db.transaction(actor.scope(), tx -> read(tx, actor.requireTenant(), iccid));
    }

    /** Merge patch of {service_profile_id, overrides}. */
    public Uni<SimPolicyView> update(Actor actor, Iccid iccid, JsonNode patch, String ifMatch) {
        JsonMergePatch.requireMembers(patch, UPDATABLE);
        JsonNode profileField = patch.get("service_profile_id");
        boolean moves = profileField != null;
        UUID profileId = profileField == null || profileField.isNull() ? null : parseUuid(profileField);
        return gate.write(actor, (tx, note) -> (profileId == null ? Uni.createFrom().voidItem()
                : requireProfile(tx, actor.requireTenant(), profileId))
                .flatMap(checked -> change(tx, note, actor.requireTenant(), iccid, ifMatch, moves, profileId,
                        overrides -> patch.has("overrides")
                                ? JsonMergePatch.apply(overrides, patch.get("overrides")) : overrides)));
    }

    /** Sets the SIM's own IMEI lock, whatever its profile says; mode off unlocks the SIM explicitly. */
    public Uni<SimPolicyView> setImeiLock(Actor actor, Iccid iccid, PolicyDocument.ImeiLock lock, String ifMatch) {
        JsonNode lockNode = json.valueToTree(lock);
        return gate.write(actor, (tx, note) -> change(tx, note, actor.requireTenant(), iccid, ifMatch, false, null,
                overrides -> withMember(overrides).set(IMEI_LOCK, lockNode)));
    }

    /** Removes the SIM's own IMEI lock setting, so that its profile's (or the default) applies again. */
    public Uni<SimPolicyView> removeImeiLock(Actor actor, Iccid iccid, String ifMatch) {
        return gate.write(actor, (tx, note) -> change(tx, note, actor.requireTenant(), iccid, ifMatch, false, null,
                overrides -> {
                    ObjectNode changed = withMember(overrides);
                    changed.remove(IMEI_LOCK);
                    return changed;
                }));
    }

    /** The overrides (and, when {@code moves}, the profile) written to the SIM, checked, noted and read back. */
    Uni<SimPolicyView> change(SqlConnection tx, AuditNote note, TenantId tenant, Iccid iccid, String ifMatch,
                              boolean moves, UUID profileId, UnaryOperator<JsonNode> changeOverrides) {
        return sims.modify(tx, tenant, iccid, ifMatch, sim -> {
                    JsonNode overrides = changeOverrides.apply(policyJson.toNode(sim.overrides()));
                    PolicyDocument checked = PolicyValidator.parse(json, overrides, "overrides", false);
                    return sim.withPolicy(moves ? profileId : sim.profileId(), policyJson.toDatabase(checked));
                })
                .invoke(modified -> note.changes(auditFields(modified.before()), auditFields(modified.after())))
                .flatMap(modified -> read(tx, tenant, iccid));
    }

    private Uni<Void> requireProfile(SqlClient tx, TenantId tenant, UUID profileId) {
        return profiles.find(tx, tenant, profileId, false).onFailure(ProblemException.class)
                .transform(e -> ProblemException.invalid("service_profile_id",
                        "no service profile " + profileId + " in this tenant"))
                .replaceWithVoid();
    }

    private Uni<SimPolicyView> read(SqlClient client, TenantId tenant, Iccid iccid) {
        return client.preparedQuery(READ).execute(Tuple.of(tenant.value(), iccid.value())).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("SIM " + iccid);
            }
            Row row = rows.iterator().next();
            JsonNode effective = policyJson.toNode(row.getJsonObject("policy"));
            JsonNode overrides = policyJson.toNode(row.getJsonObject("policy_overrides"));
            UUID profileId = row.getUUID("profile_id");
            String profileName = row.getString("profile_name");
            SimPolicyView.ProfileRef profile = profileId == null ? null
                    : new SimPolicyView.ProfileRef(profileId, profileName, row.getUUID("chosen_profile") == null);
            JsonNode profilePolicy = profileId == null ? null : policyJson.toNode(row.getJsonObject("profile_policy"));
            return new SimPolicyView(iccid, profile, effective,
                    PolicySources.of(effective, profilePolicy, profileName, overrides), overrides,
                    row.getLong("version"));
        });
    }

    private ObjectNode withMember(JsonNode overrides) {
        return overrides.isObject() ? ((ObjectNode) overrides).deepCopy() : json.createObjectNode();
    }

    private static Map<String, Object> auditFields(SimStore.SimRow sim) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("overrides", sim.overrides());
        fields.put("service_profile_id", String.valueOf(sim.profileId()));
        return fields;
    }

    private static UUID parseUuid(JsonNode node) {
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("service_profile_id", "a service profile id (UUID) or null");
        }
    }
}
