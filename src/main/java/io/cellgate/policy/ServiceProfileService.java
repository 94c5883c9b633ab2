package io.cellgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellgate.common.Actor;
import io.cellgate.common.Cursor;
import io.cellgate.common.Page;
import io.cellgate.common.db.PgErrors;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.json.JsonMergePatch;
import io.cellgate.common.problem.FieldError;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import io.cellgate.common.web.IfMatch;
import io.cellgate.tenant.TenantGate;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant's service profiles. A change of a profile's policy reaches the decision view of every SIM on it in the same
 * transaction (database triggers), so the network plane never sees a half-applied profile. A profile is the tenant's
 * default, which SIMs without a profile of their own follow, only when it is made so.
 */
@ApplicationScoped
public class ServiceProfileService {
    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 500;
    private static final String COLUMNS = "id, name, description, is_default, policy, version, created_at, updated_at";
    private static final Set<String> UPDATABLE = Set.of("name", "description", "is_default", "policy");

    @Inject
    ScopedDatabase db;
    @Inject
    ObjectMapper json;
    @Inject
    TenantGate gate;
    @Inject
    PolicyJson policyJson;

    public Uni<ServiceProfileView> create(Actor actor, CreateServiceProfileRequest request) {
        PolicyDocument policy = PolicyValidator.parse(json, request.policy(), "policy", true);
        boolean makeDefault = Boolean.TRUE.equals(request.isDefault());
        TenantId tenant = actor.requireTenant();
        return gate.write(actor, (tx, note) -> (makeDefault ? clearDefault(tx, tenant) : Uni.createFrom().voidItem())
                        .flatMap(v -> tx.preparedQuery("INSERT INTO service_profiles (id, tenant_id, name, description,"
                                        + " is_default, policy) VALUES ($1, $2, $3, $4, $5, $6) RETURNING " + COLUMNS)
                                .execute(Tuple.of(UUID.randomUUID(), tenant.value(), request.name().strip(),
                                        request.description(), makeDefault, policyJson.toDatabase(policy))))
                        .map(rows -> toView(rows.iterator().next())))
                .onFailure(PgErrors::isUniqueViolation).transform(e -> nameTaken(request.name()));
    }

    public Uni<ServiceProfileView> get(Actor actor, UUID id) {
        return db.transaction(actor.scope(), tx -> find(tx, actor.requireTenant(), id, false)).map(this::toView);
    }

    public Uni<Page<ServiceProfileView>> list(Actor actor, int limit, String cursor) {
        String after = Cursor.decode(cursor);
        return db.transaction(actor.scope(), tx -> tx.preparedQuery("SELECT " + COLUMNS
                        + " FROM service_profiles WHERE tenant_id = $1 AND name > $2 ORDER BY name LIMIT $3")
                .execute(Tuple.of(actor.requireTenant().value(), after == null ? "" : after, limit + 1)))
                .map(rows -> {
                    List<ServiceProfileView> profiles = new ArrayList<>();
                    rows.forEach(row -> profiles.add(toView(row)));
                    return Page.of(profiles, limit, ServiceProfileView::name);
                });
    }

    /** A JSON merge patch of name, description, is_default and policy, to the version If-Match names. */
    public Uni<ServiceProfileView> update(Actor actor, UUID id, JsonNode patch, String ifMatch) {
        JsonMergePatch.requireMembers(patch, UPDATABLE);
        TenantId tenant = actor.requireTenant();
        return gate.write(actor, (tx, note) -> find(tx, tenant, id, true)
                        .flatMap(row -> {
                            IfMatch.require(ifMatch, row.getLong("version"), "the profile");
                            ServiceProfileView current = toView(row);
                            ObjectNode merged = (ObjectNode) JsonMergePatch.apply(json.valueToTree(current), patch);
                            String name = text(merged, "name");
                            String description = text(merged, "description");
                            List<FieldError> errors = new ArrayList<>();
                            if (name == null || name.isBlank() || name.length() > MAX_NAME) {
                                errors.add(FieldError.of("name", "1 to " + MAX_NAME + " characters"));
                            }
                            if (description != null && description.length() > MAX_DESCRIPTION) {
                                errors.add(FieldError.of("description", "at most " + MAX_DESCRIPTION + " characters"));
                            }
                            JsonNode isDefault = merged.path("is_default");
                            if (!isDefault.isMissingNode() && !isDefault.isNull() && !isDefault.isBoolean()) {
                                errors.add(FieldError.of("is_default", "true or false"));
                            }
                            if (!errors.isEmpty()) {
                                throw ProblemException.invalid(errors);
                            }
                            boolean makeDefault = isDefault.asBoolean(false);
                            PolicyDocument policy = PolicyValidator.parse(json, merged.get("policy"), "policy", true);
                            Uni<Void> before = makeDefault && !current.isDefault() ? clearDefault(tx, tenant)
                                    : Uni.createFrom().voidItem();
                            return before.flatMap(v -> tx.preparedQuery("""
                                            UPDATE service_profiles SET name = $3, description = $4, is_default = $5,
                                                   policy = $6, version = version + 1, updated_at = now()
                                            WHERE tenant_id = $1 AND id = $2 RETURNING\s""" + COLUMNS)
                                    .execute(Tuple.of(tenant.value(), id, name.strip(), description, makeDefault,
                                            policyJson.toDatabase(policy))));
                        })
                        .map(rows -> toView(rows.iterator().next())))
                .onFailure(PgErrors::isUniqueViolation).transform(e -> nameTaken(patch.path("name").asText()));
    }

    /**
     * Deletes a profile no SIM has chosen, at the version If-Match names. The default profile is not deleted: that
     * would change every SIM that follows it; it must stop being the default first.
     */
    public Uni<Void> delete(Actor actor, UUID id, String ifMatch) {
        TenantId tenant = actor.requireTenant();
        return gate.write(actor, (tx, note) -> find(tx, tenant, id, true)
                .flatMap(row -> {
                    IfMatch.require(ifMatch, row.getLong("version"), "the profile");
                    if (row.getBoolean("is_default")) {
                        throw new ProblemException(ProblemType.CONFLICT, "The default profile cannot be deleted: the"
                                + " SIMs without a profile of their own follow it; make another profile the default, or"
                                + " set is_default to false, first");
                    }
                    return tx.preparedQuery("SELECT count(*) FROM sims WHERE profile_id = $1").execute(Tuple.of(id));
                })
                .flatMap(rows -> {
                    long sims = rows.iterator().next().getLong(0);
                    if (sims > 0) {
                        throw new ProblemException(ProblemType.CONFLICT,
                                sims + " SIMs use this profile; move them to another profile first",
                                Map.of("sim_count", sims));
                    }
                    return tx.preparedQuery("DELETE FROM service_profiles WHERE id = $1").execute(Tuple.of(id));
                })
                .replaceWithVoid());
    }

    /** The tenant's profile, or a 404; also used to check a profile a SIM moves to. */
    Uni<Row> find(SqlClient client, TenantId tenant, UUID id, boolean lock) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM service_profiles WHERE tenant_id = $1 AND id = $2"
                        + (lock ? " FOR UPDATE" : ""))
                .execute(Tuple.of(tenant.value(), id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Service profile " + id);
                    }
                    return rows.iterator().next();
                });
    }

    private static Uni<Void> clearDefault(SqlConnection tx, TenantId tenant) {
        return tx.preparedQuery("UPDATE service_profiles SET is_default = false, version = version + 1, updated_at = now()"
                + " WHERE tenant_id = $1 AND is_default").execute(Tuple.of(tenant.value())).replaceWithVoid();
    }

    private static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull() && !value.isTextual()) {
            throw ProblemException.invalid(field, "must be a string");
        }
        return value == null || value.isNull() ? null : value.asText();
    }

    ServiceProfileView toView(Row row) {
        return new ServiceProfileView(row.getUUID("id"), row.getString("name"), row.getString("description"),
                row.getBoolean("is_default"), policyJson.toPolicy(row.getJsonObject("policy")), row.getLong("version"),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
    }

    private static ProblemException nameTaken(String name) {
        return new ProblemException(ProblemType.CONFLICT, "The tenant already has a profile named '" + name + "'");
    }
}
