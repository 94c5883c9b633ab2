package io.cellgate.policy;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.ACME_OPERATOR;
import static io.cellgate.support.Api.ACME_VIEWER;
import static io.cellgate.support.Api.GLOBEX_ADMIN;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static io.cellgate.support.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceProfileTest {

    @BeforeEach
    void tenants() {
        ensureTenant("acme");
        ensureTenant("globex");
    }

    static String uniqueName(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ExtractableResponse<Response> createProfile(String user, String name, Map<String, Object> policy,
                                                        boolean isDefault) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("is_default", isDefault);
        body.put("policy", policy);
        return as(user).body(body).post("/api/v1/service-profiles").then().statusCode(201).extract();
    }

    @Test
    void adminsCreateReadListAndChangeProfilesWithEtags() {
        String name = uniqueName("pumps");
        var created = createProfile(ACME_ADMIN, name, Map.of("voice", Map.of("enabled", true)), false);
        String id = created.path("id");
        String etag = created.header("ETag");
        org.junit.jupiter.api.Assertions.assertEquals("\"0\"", etag);

        as(ACME_VIEWER).get("/api/v1/service-profiles/" + id).then().statusCode(200)
                .header("ETag", etag).body("name", equalTo(name)).body("policy.voice.enabled", equalTo(true));
        as(ACME_VIEWER).queryParam("limit", 1000).get("/api/v1/service-profiles").then().statusCode(200)
                .body("items.name", hasItem(name));

        Map<String, Object> patch = Map.of("description", "EU pumps", "policy", Map.of("sms", Map.of("mo_enabled", false)));
        problem(as(ACME_ADMIN).body(patch).patch("/api/v1/service-profiles/" + id).then(), 428, "precondition-required");
        problem(as(ACME_ADMIN).header("If-Match", "\"7\"").body(patch).patch("/api/v1/service-profiles/" + id).then(),
                412, "precondition-failed");
        as(ACME_ADMIN).header("If-Match", etag).contentType("application/merge-patch+json").body(patch)
                .patch("/api/v1/service-profiles/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("description", equalTo("EU pumps"))
                .body("policy.voice.enabled", equalTo(true)).body("policy.sms.mo_enabled", equalTo(false));

        Map<String, Object> clearVoice = new HashMap<>();
        clearVoice.put("voice", null);
        as(ACME_ADMIN).header("If-Match", "\"1\"").body(Map.of("policy", clearVoice))
                .patch("/api/v1/service-profiles/" + id).then().statusCode(200)
                .body("policy.voice", equalTo(null)).body("policy.sms.mo_enabled", equalTo(false));
    }

    @Test
    void aProfileIsTheDefaultOnlyWhenAskedAndTheDefaultIsNotDeleted() {
        String first = createProfile(ACME_ADMIN, uniqueName("a"), Map.of(), true).path("id");
        String second = createProfile(ACME_ADMIN, uniqueName("b"), Map.of(), false).path("id");
        as(ACME_ADMIN).get("/api/v1/service-profiles/" + first).then().body("is_default", equalTo(true));
        as(ACME_ADMIN).get("/api/v1/service-profiles/" + second).then().body("is_default", equalTo(false));
        problem(as(ACME_ADMIN).header("If-Match", "*").delete("/api/v1/service-profiles/" + first).then(), 409,
                "conflict");

        // the tenant without a default profile: a new profile does not become it unasked
        as(ACME_ADMIN).header("If-Match", "*").body(Map.of("is_default", false))
                .patch("/api/v1/service-profiles/" + first).then().statusCode(200).body("is_default", equalTo(false));
        Map<String, Object> unasked = new HashMap<>();
        unasked.put("name", uniqueName("unasked"));
        unasked.put("policy", Map.of("voice", Map.of("enabled", true)));
        as(ACME_ADMIN).body(unasked).post("/api/v1/service-profiles").then().statusCode(201)
                .body("is_default", equalTo(false));
        String iccid = TestSims.assignedTo("acme", 1).first();
        as(ACME_VIEWER).get("/api/v1/sims/" + iccid + "/policy").then().statusCode(200)
                .body("service_profile", equalTo(null)).body("policy.voice.enabled", equalTo(false))
                .body("sources.'voice.enabled'", equalTo("default"));

        as(ACME_ADMIN).header("If-Match", "*").body(Map.of("is_default", true))
                .patch("/api/v1/service-profiles/" + second).then().statusCode(200).body("is_default", equalTo(true));
        as(ACME_ADMIN).get("/api/v1/service-profiles/" + first).then().body("is_default", equalTo(false));
        problem(as(ACME_ADMIN).delete("/api/v1/service-profiles/" + first).then(), 428, "precondition-required");
        as(ACME_ADMIN).header("If-Match", "*").delete("/api/v1/service-profiles/" + first).then().statusCode(204);
        problem(as(ACME_ADMIN).get("/api/v1/service-profiles/" + first).then(), 404, "not-found");
    }

    @Test
    void aProfileInUseCannotBeDeletedAndNamesAreUnique() {
        String name = uniqueName("used");
        String id = createProfile(ACME_ADMIN, name, Map.of(), false).path("id");
        String iccid = TestSims.assignedTo("acme", 1).first();
        as(ACME_OPERATOR).header("If-Match", "*").body(Map.of("service_profile_id", id))
                .patch("/api/v1/sims/" + iccid + "/policy").then().statusCode(200);
        problem(as(ACME_ADMIN).header("If-Match", "*").delete("/api/v1/service-profiles/" + id).then(), 409,
                "conflict").body("sim_count", equalTo(1));
        problem(as(ACME_ADMIN).body(Map.of("name", name)).post("/api/v1/service-profiles").then(), 409, "conflict");
    }

    @Test
    void onlyAdminsManageProfiles() {
        problem(as(ACME_OPERATOR).body(Map.of("name", uniqueName("x"))).post("/api/v1/service-profiles").then(), 403,
                "forbidden");
        problem(as(ACME_VIEWER).body(Map.of("name", uniqueName("x"))).post("/api/v1/service-profiles").then(), 403,
                "forbidden");
        String id = createProfile(ACME_ADMIN, uniqueName("mine"), Map.of(), false).path("id");
        problem(as(ACME_OPERATOR).header("If-Match", "*").body(Map.of("name", "x"))
                .patch("/api/v1/service-profiles/" + id).then(), 403, "forbidden");
    }

    @Test
    void anotherTenantsProfileIsNotFound() {
        String id = createProfile(ACME_ADMIN, uniqueName("secret"), Map.of(), false).path("id");
        problem(as(GLOBEX_ADMIN).get("/api/v1/service-profiles/" + id).then(), 404, "not-found");
        problem(as(GLOBEX_ADMIN).header("If-Match", "*").body(Map.of("name", "mine now"))
                .patch("/api/v1/service-profiles/" + id).then(), 404, "not-found");
        problem(as(GLOBEX_ADMIN).header("If-Match", "*").delete("/api/v1/service-profiles/" + id).then(), 404,
                "not-found");
        String globexSim = TestSims.assignedTo("globex", 1).first();
        problem(as(GLOBEX_ADMIN).header("If-Match", "*").body(Map.of("service_profile_id", id))
                .patch("/api/v1/sims/" + globexSim + "/policy").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("service_profile_id"));
        as(ACME_ADMIN).get("/api/v1/service-profiles/" + id).then().statusCode(200).body("name", notNullValue());
    }

    @Test
    void invalidPoliciesNameEveryField() {
        Map<String, Object> policy = Map.of(
                "data", Map.of("apns", List.of("bad apn!"), "throttle_kbps", 1,
                        "destinations", List.of(Map.of("cidr", "10.1.2.3/8", "ports", List.of("443", "70000")))),
                "voice", Map.of("allowed_numbers", List.of("0049123")),
                "limits", Map.of("sms_count", Map.of("limit", 100, "action", "throttle", "warn_percent", List.of(0, 80))),
                "imei_lock", Map.of("mode", "locked", "imei", "356938035643809"));
        problem(as(ACME_ADMIN).body(Map.of("name", uniqueName("bad"), "policy", policy))
                .post("/api/v1/service-profiles").then(), 422, "validation-failed")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder(
                        "policy.data.apns[0]", "policy.data.destinations[0].cidr",
                        "policy.data.destinations[0].ports[1]", "policy.data.throttle_kbps",
                        "policy.voice.allowed_numbers[0]", "policy.limits.sms_count.action",
                        "policy.limits.sms_count.warn_percent[0]", "policy.imei_lock"));
        problem(as(ACME_ADMIN).body(Map.of("name", uniqueName("bad"), "policy", Map.of("data", Map.of("speed", 1))))
                .post("/api/v1/service-profiles").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("policy.data.speed"));
        problem(as(ACME_ADMIN).body(Map.of("name", uniqueName("bad"),
                        "policy", Map.of("sms", Map.of("p2p_blocked", "yes"))))
                .post("/api/v1/service-profiles").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("policy.sms.p2p_blocked"));
    }
}
