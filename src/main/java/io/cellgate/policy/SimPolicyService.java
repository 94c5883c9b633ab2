package io.cellgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellgate.common.Etags;
import io.cellgate.common.JsonMergePatch;
import io.cellgate.common.ProblemException;
import io.cellgate.tenant.TenantGate;
import io.smallrye.mutiny.Uni;
import io.cellgate.common.DataScope;
import io.cellgate.common.ScopedDatabase;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** A SIM's policy: its profile, its overrides, and the effective result read from the decision view. */
@ApplicationScoped
public class SimPolicyService {
    private static final Set<String> UPDATABLE = Set.of("service_profile_id", "overrides");
    private static final String READ = """
            SELECT s.iccid, s.version, s.policy_overrides, s.profile_id AS chosen_profile, d.policy,
                   p.id AS profile_id, p.name AS profile_name, p.policy AS profile_policy
            FROM sims s JOIN sim_decisions d ON d.iccid = s.iccid
            LEFT JOIN service_profiles p ON p.id = d.profile_id
            WHERE s.tenant_id = $1 AND s.iccid = $2""";

    @Inject
    ScopedDatabase db;
    @Inject
    io.cellgate.audit.AuditContext audit;
    @Inject
    ObjectMapper json;
    @Inject
    TenantGate gate;
    @Inject
    PolicyJson policyJson;
    @Inject
    ServiceProfileService profiles;

    public Uni<SimPolicyView> get(String tenantId, String iccid) {
        return db.transaction(DataScope.tenant(tenantId), tx -> read(tx, tenantId, iccid));
    }

    /** Merge patch of {service_profile_id, overrides}; needs the SIM's ETag in If-Match. */
    public Uni<SimPolicyView> update(String tenantId, String iccid, JsonNode patch, String ifMatch) {
        JsonMergePatch.requireMembers(patch, UPDATABLE);
        JsonNode profileField = patch.get("service_profile_id");
        UUID profileId = profileField == null || profileField.isNull() ? null : parseUuid(profileField);
        return change(tenantId, iccid, ifMatch, true, profileField != null, profileId,
                overrides -> patch.has("overrides") ? JsonMergePatch.apply(overrides, patch.get("overrides")) : overrides);
    }

    /** Sets the SIM's IMEI lock (an override of this SIM). */
    public Uni<SimPolicyView> setImeiLock(String tenantId, String iccid, PolicyDocument.ImeiLock lock, String ifMatch) {
        JsonNode lockNode = json.valueToTree(lock);
        return change(tenantId, iccid, ifMatch, false, false, null, overrides -> {
            ObjectNode changed = overrides.isObject() ? ((ObjectNode) overrides).deepCopy() : json.createObjectNode();
            changed.set("imei_lock", lockNode);
            return changed;
        });
    }

    private Uni<SimPolicyView> change(String tenantId, String iccid, String ifMatch, boolean ifMatchRequired,
                                      boolean moveProfile, UUID profileId, UnaryOperator<JsonNode> changeOverrides) {
        return gate.write(tenantId, tx -> tx.preparedQuery(
                                "SELECT version, policy_overrides, profile_id FROM sims"
                                        + " WHERE tenant_id = $1 AND iccid = $2 FOR UPDATE")
                        .execute(Tuple.of(tenantId, iccid))
                        .flatMap(rows -> {
                            if (rows.size() == 0) {
                                throw ProblemException.notFound("SIM " + iccid);
                            }
                            Row row = rows.iterator().next();
                            if (ifMatchRequired) {
                                Etags.require(ifMatch, row.getLong("version"), "the SIM");
                            } else {
                                Etags.check(ifMatch, row.getLong("version"), "The SIM");
                            }
                            JsonNode overrides = changeOverrides.apply(
                                    policyJson.toNode(row.getJsonObject("policy_overrides")));
                            PolicyDocument checked = PolicyValidator.parse(json, overrides, "overrides", false);
                            UUID profile = moveProfile ? profileId : row.getUUID("profile_id");
                            Map<String, Object> before = new java.util.HashMap<>();
                            before.put("overrides", row.getJsonObject("policy_overrides"));
                            before.put("service_profile_id", String.valueOf(row.getUUID("profile_id")));
                            Map<String, Object> after = new java.util.HashMap<>();
                            after.put("overrides", policyJson.toDatabase(checked));
                            after.put("service_profile_id", String.valueOf(profile));
                            audit.changes(before, after);
                            Uni<Void> profileExists = profile == null ? Uni.createFrom().voidItem()
                                    : profiles.find(tx, tenantId, profile, false).onFailure(ProblemException.class)
                                    .transform(e -> ProblemException.invalid("service_profile_id",
                                            "no service profile " + profile + " in this tenant"))
                                    .replaceWithVoid();
                            return profileExists.flatMap(v -> tx.preparedQuery("""
                                            UPDATE sims SET policy_overrides = $3, profile_id = $4, version = version + 1,
                                                   updated_at = now()
                                            WHERE tenant_id = $1 AND iccid = $2""")
                                    .execute(Tuple.of(tenantId, iccid, policyJson.toDatabase(checked), profile)));
                        })
                        .flatMap(done -> read(tx, tenantId, iccid)));
    }

    private Uni<SimPolicyView> read(SqlClient client, String tenantId, String iccid) {
        return client.preparedQuery(READ).execute(Tuple.of(tenantId, iccid)).map(rows -> {
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

    private static UUID parseUuid(JsonNode node) {
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("service_profile_id", "a service profile id (UUID) or null");
        }
    }

}
