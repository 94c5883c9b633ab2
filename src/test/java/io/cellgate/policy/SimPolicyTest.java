package io.cellgate.policy;

import static io.cellgate.policy.ServiceProfileTest.createProfile;
import static io.cellgate.policy.ServiceProfileTest.uniqueName;
import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.ACME_OPERATOR;
import static io.cellgate.support.Api.ACME_VIEWER;
import static io.cellgate.support.Api.GLOBEX_ADMIN;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static io.cellgate.support.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.support.TestActors;
import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SimPolicyTest {
    private static final String VALID_IMEI = "356938035643809";

    @Inject
    ScopedDatabase db;

    @BeforeEach
    void tenants() {
        ensureTenant("acme");
        ensureTenant("globex");
    }

    /** The decision row the network plane reads, straight from the database. */
    private Row decision(String iccid) {
        var rows = db.transaction(TestActors.allTenants(), tx -> tx.preparedQuery("SELECT * FROM sim_decisions"
                + " WHERE iccid = $1").execute(Tuple.of(iccid))).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    @Test
    void effectivePolicyMergesDefaultsProfileAndOverridesAndNamesTheSources() {
        String profileName = uniqueName("pumps");
        String profileId = createProfile(ACME_ADMIN, profileName, Map.of(
                "data", Map.of("apns", List.of("iot.pumps")),
                "limits", Map.of("data_bytes", Map.of("limit", 50_000_000, "action", "throttle"))), false).path("id");
        String iccid = TestSims.assignedTo("acme", 1).first();
        String policy = "/api/v1/sims/" + iccid + "/policy";

        String etag = as(ACME_OPERATOR).header("If-Match", "*").body(Map.of("service_profile_id", profileId))
                .patch(policy).then().statusCode(200)
                .body("service_profile.name", equalTo(profileName))
                .body("service_profile.follows_tenant_default", equalTo(false))
                .body("policy.data.apns", equalTo(List.of("iot.pumps")))
                .body("policy.sms.p2p_blocked", equalTo(true))
                .body("policy.voice.enabled", equalTo(false))
                .body("sources.'data.apns'", equalTo("profile:" + profileName))
                .body("sources.'limits.data_bytes.limit'", equalTo("profile:" + profileName))
                .body("sources.'sms.p2p_blocked'", equalTo("default"))
                .extract().header("ETag");

        etag = as(ACME_OPERATOR).header("If-Match", etag)
                .body(Map.of("overrides", Map.of("limits", Map.of("data_bytes", Map.of("limit", 1000)),
                        "voice", Map.of("enabled", true, "allowed_numbers", List.of("+4940123456")))))
                .patch(policy).then().statusCode(200)
                .body("policy.limits.data_bytes.limit", equalTo(1000))
                .body("policy.limits.data_bytes.action", equalTo("throttle"))
                .body("sources.'limits.data_bytes.limit'", equalTo("sim"))
                .body("sources.'limits.data_bytes.action'", equalTo("profile:" + profileName))
                .body("sources.'voice.enabled'", equalTo("sim"))
                .body("overrides.voice.allowed_numbers", equalTo(List.of("+4940123456")))
                .extract().header("ETag");

        Row row = decision(iccid);
        JsonObject decided = row.getJsonObject("policy");
        assertEquals(1000L, decided.getJsonObject("limits").getJsonObject("data_bytes").getLong("limit"));
        assertEquals(true, decided.getJsonObject("voice").getBoolean("enabled"));

        Map<String, Object> clearVoice = new HashMap<>();
        clearVoice.put("voice", null);
        as(ACME_OPERATOR).header("If-Match", etag).body(Map.of("overrides", clearVoice)).patch(policy).then().statusCode(200)
                .body("policy.voice.enabled", equalTo(false)).body("sources.'voice.enabled'", equalTo("default"))
                .body("policy.limits.data_bytes.limit", equalTo(1000));
        as(ACME_VIEWER).get(policy).then().statusCode(200).header("ETag", equalTo("\"" + (version(etag) + 1) + "\""));
    }

    @Test
    void aProfileChangeReachesEverySimOnItInTheDecisionView() {
        String profileId = createProfile(ACME_ADMIN, uniqueName("fleet"), Map.of("sms", Map.of("mo_enabled", true)),
                false).path("id");
        TestSims sims = TestSims.assignedTo("acme", 30);
        String job = as(ACME_OPERATOR).body(Map.of("action", "activate", "iccids", sims.iccids))
                .post("/api/v1/sims/bulk-actions").then().statusCode(202).extract().path("id");
        for (String iccid : sims.iccids) {
            as(ACME_OPERATOR).header("If-Match", "*").body(Map.of("service_profile_id", profileId))
                    .patch("/api/v1/sims/" + iccid + "/policy").then().statusCode(200);
        }
        as(ACME_ADMIN).header("If-Match", "*").body(Map.of("policy", Map.of("sms", Map.of("mo_enabled", false))))
                .patch("/api/v1/service-profiles/" + profileId).then().statusCode(200);

        var rows = db.transaction(TestActors.tenant("acme"), tx -> tx.preparedQuery("SELECT count(*) FILTER"
                        + " (WHERE policy #>> '{sms,mo_enabled}' = 'false'), count(*) FROM sim_decisions"
                        + " WHERE iccid = ANY($1::text[])")
                .execute(Tuple.tuple().addArrayOfString(sims.iccids.toArray(String[]::new)))).await().indefinitely();
        Row counts = rows.iterator().next();
        assertEquals(30L, counts.getLong(0));
        assertEquals(30L, counts.getLong(1));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                "completed".equals(as(ACME_OPERATOR).get("/api/v1/jobs/" + job).path("status")));
        assertEquals("active", decision(sims.first()).getString("sim_status"));
    }

    @Test
    void decisionsFollowLifecycleTenantStatusAndStock() {
        String iccid = TestSims.assignedTo("globex", 1).first();
        assertEquals("ready", decision(iccid).getString("sim_status"));
        assertEquals("active", decision(iccid).getString("tenant_status"));
        as(GLOBEX_ADMIN).post("/api/v1/sims/" + iccid + "/activate").then().statusCode(200);
        assertEquals("active", decision(iccid).getString("sim_status"));

        as(OPS).body(Map.of("status", "suspended")).patch("/api/v1/admin/tenants/globex").then().statusCode(200);
        try {
            assertEquals("suspended", decision(iccid).getString("tenant_status"));
        } finally {
            as(OPS).body(Map.of("status", "active")).patch("/api/v1/admin/tenants/globex").then().statusCode(200);
        }
        assertEquals("active", decision(iccid).getString("tenant_status"));

        String stockIccid = TestSims.inStock(1).first();
        assertEquals(null, decision(stockIccid));

        String imsi = as(OPS).get("/api/v1/admin/sims/" + iccid).path("imsi");
        as(OPS).get("/api/v1/admin/decisions/" + imsi).then().statusCode(200)
                .body("iccid", equalTo(iccid)).body("sim_status", equalTo("active"))
                .body("policy.voice.enabled", equalTo(false)).body("imei_lock_mode", equalTo("off"));
        as(OPS).get("/api/v1/admin/decisions/" + iccid).then().statusCode(200).body("imsi", equalTo(imsi));
        problem(as(OPS).get("/api/v1/admin/decisions/" + stockIccid).then(), 404, "not-found");
        problem(as(GLOBEX_ADMIN).get("/api/v1/admin/decisions/" + imsi).then(), 403, "forbidden");
    }

    @Test
    void renamingOrLabellingASimLeavesItsDecisionRowAloneWhileALifecycleChangeRefreshesIt() {
        String iccid = TestSims.assignedTo("acme", 1).first();
        Object refreshedAt = decision(iccid).getValue("updated_at");

        as(ACME_OPERATOR).header("If-Match", "*").body(Map.of("name", "pump 7", "labels", Map.of("site", "north")))
                .patch("/api/v1/sims/" + iccid)
                .then().statusCode(200).body("name", equalTo("pump 7"));
        assertEquals(refreshedAt, decision(iccid).getValue("updated_at"));

        as(ACME_OPERATOR).post("/api/v1/sims/" + iccid + "/activate").then().statusCode(200);
        assertEquals("active", decision(iccid).getString("sim_status"));
        assertNotEquals(refreshedAt, decision(iccid).getValue("updated_at"));
    }

    @Test
    void imeiLockIsSetPerSimAndItsRemovalBringsBackTheProfilesLock() {
        String profile = ServiceProfileTest.createProfile(ACME_ADMIN, ServiceProfileTest.uniqueName("first-use"),
                Map.of("imei_lock", Map.of("mode", "lock_on_first_use")), false).path("id");
        String profileName = as(ACME_ADMIN).get("/api/v1/service-profiles/" + profile).then().extract().path("name");
        String iccid = TestSims.assignedTo("acme", 1).first();
        as(ACME_OPERATOR).header("If-Match", "*").body(Map.of("service_profile_id", profile))
                .patch("/api/v1/sims/" + iccid + "/policy").then().statusCode(200);
        String lock = "/api/v1/sims/" + iccid + "/imei-lock";

        problem(as(ACME_OPERATOR).body(Map.of("mode", "locked", "imei", VALID_IMEI)).put(lock).then(), 428,
                "precondition-required");
        as(ACME_OPERATOR).header("If-Match", "*").body(Map.of("mode", "locked", "imei", VALID_IMEI)).put(lock).then()
                .statusCode(200).body("policy.imei_lock.mode", equalTo("locked"))
                .body("policy.imei_lock.imei", equalTo(VALID_IMEI)).body("sources.'imei_lock.mode'", equalTo("sim"));
        assertEquals("locked", decision(iccid).getString("imei_lock_mode"));
        assertEquals(VALID_IMEI, decision(iccid).getString("imei"));

        problem(as(ACME_OPERATOR).header("If-Match", "*").body(Map.of("mode", "locked", "imei", "356938035643808"))
                .put(lock).then(), 422, "validation-failed").body("errors[0].field", equalTo("imei"));
        problem(as(ACME_OPERATOR).header("If-Match", "*").body(Map.of("mode", "locked")).put(lock).then(), 422,
                "validation-failed").body("errors[0].field", equalTo("imei"));
        problem(as(ACME_OPERATOR).header("If-Match", "*").body(Map.of("mode", "sometimes")).put(lock).then(), 422,
                "validation-failed").body("errors[0].field", equalTo("mode"));

        String etag = as(ACME_OPERATOR).get(lock.replace("imei-lock", "policy")).then().extract().header("ETag");
        problem(as(ACME_OPERATOR).delete(lock).then(), 428, "precondition-required");
        problem(as(ACME_OPERATOR).header("If-Match", "\"0\"").delete(lock).then(), 412, "precondition-failed");
        as(ACME_OPERATOR).header("If-Match", etag).delete(lock).then().statusCode(200)
                .body("policy.imei_lock.mode", equalTo("lock_on_first_use"))
                .body("sources.'imei_lock.mode'", equalTo("profile:" + profileName))
                .body("overrides.imei_lock", equalTo(null));
        assertEquals("lock_on_first_use", decision(iccid).getString("imei_lock_mode"));

        as(ACME_OPERATOR).header("If-Match", "*").body(Map.of("mode", "off")).put(lock).then().statusCode(200)
                .body("policy.imei_lock.mode", equalTo("off")).body("sources.'imei_lock.mode'", equalTo("sim"));
        assertEquals("off", decision(iccid).getString("imei_lock_mode"));
        as(ACME_VIEWER).get("/api/v1/sims/" + iccid).then().body("imei_last_seen", equalTo(null));
    }

    @Test
    void policyWritesNeedIfMatchAndNameBadFields() {
        String iccid = TestSims.assignedTo("acme", 1).first();
        String policy = "/api/v1/sims/" + iccid + "/policy";
        Map<String, Object> patch = Map.of("overrides", Map.of("data", Map.of("enabled", false)));
        problem(as(ACME_OPERATOR).body(patch).patch(policy).then(), 428, "precondition-required");
        problem(as(ACME_OPERATOR).header("If-Match", "\"99\"").body(patch).patch(policy).then(), 412,
                "precondition-failed");
        problem(as(ACME_OPERATOR).header("If-Match", "*")
                .body(Map.of("overrides", Map.of("data", Map.of("destinations", List.of(Map.of("cidr", "300.1.1.0/24"))))))
                .patch(policy).then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("overrides.data.destinations[0].cidr"));
        problem(as(ACME_OPERATOR).header("If-Match", "*").body(Map.of("status", "active")).patch(policy).then(), 422,
                "validation-failed").body("errors[0].field", equalTo("status"));
        problem(as(ACME_OPERATOR).header("If-Match", "*").body(Map.of("service_profile_id", "nope")).patch(policy)
                .then(), 422, "validation-failed").body("errors[0].field", equalTo("service_profile_id"));
        problem(as(ACME_VIEWER).header("If-Match", "*").body(patch).patch(policy).then(), 403, "forbidden");
        as(ACME_VIEWER).get(policy).then().statusCode(200).body("policy.data.enabled", equalTo(true));
    }

    @Test
    void anotherTenantsSimPolicyIsNotFound() {
        String iccid = TestSims.assignedTo("acme", 1).first();
        problem(as(GLOBEX_ADMIN).get("/api/v1/sims/" + iccid + "/policy").then(), 404, "not-found");
        problem(as(GLOBEX_ADMIN).header("If-Match", "*").body(Map.of("overrides", Map.of()))
                .patch("/api/v1/sims/" + iccid + "/policy").then(), 404, "not-found");
        problem(as(GLOBEX_ADMIN).header("If-Match", "*").body(Map.of("mode", "lock_on_first_use"))
                .put("/api/v1/sims/" + iccid + "/imei-lock").then(), 404, "not-found");
        problem(as(GLOBEX_ADMIN).header("If-Match", "*").delete("/api/v1/sims/" + iccid + "/imei-lock").then(), 404,
                "not-found");
        as(ACME_ADMIN).get("/api/v1/sims/" + iccid + "/policy").then().body("policy.imei_lock.mode", equalTo("off"));
    }

    private static long version(String etag) {
        return Long.parseLong(etag.replace("\"", ""));
    }
}
