package io.cellgate.sim;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static io.cellgate.support.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.cellgate.support.TestPools;
import io.cellgate.support.TestSims;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SimStockTest {

    @BeforeAll
    static void tenants() {
        ensureTenant("acme");
        ensureTenant("globex");
    }

    @Test
    void assignsAListAndTheTenantSeesThemReady() {
        TestSims sims = TestSims.inStock(3);
        as(OPS).body(Map.of("tenant_id", "acme", "iccids", sims.iccids)).post("/api/v1/admin/sims/assign")
                .then().statusCode(200).body("tenant_id", equalTo("acme")).body("count", equalTo(3));

        as(ACME_ADMIN).queryParam("iccid_prefix", sims.prefix).get("/api/v1/sims").then().statusCode(200)
                .body("items", hasSize(3)).body("items.status", everyItem(equalTo("ready")))
                .body("items[0].allowed_actions", equalTo(List.of("activate", "terminate")));
        as(ACME_ADMIN).get("/api/v1/sims/" + sims.first() + "/history").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].action", equalTo("assign"))
                .body("items[0].from_status", equalTo("stock")).body("items[0].to_status", equalTo("ready"))
                .body("items[0].actor", equalTo("ops"));
    }

    @Test
    void assignsARangeOfStock() {
        TestSims sims = TestSims.inStock(5);
        as(OPS).body(Map.of("tenant_id", "globex", "iccid_range",
                        Map.of("from", sims.iccids.get(1), "to", sims.iccids.get(3))))
                .post("/api/v1/admin/sims/assign")
                .then().statusCode(200).body("count", equalTo(3));
        as(OPS).queryParam("iccid_prefix", sims.prefix).queryParam("tenant_id", "globex").get("/api/v1/admin/sims")
                .then().body("items.iccid", equalTo(sims.iccids.subList(1, 4)));
        as(OPS).queryParam("iccid_prefix", sims.prefix).queryParam("status", "stock").get("/api/v1/admin/sims")
                .then().body("items.iccid", equalTo(List.of(sims.iccids.get(0), sims.iccids.get(4))));

        // range bounds need the shape of an ICCID, not a valid check digit
        as(OPS).body(Map.of("tenant_id", "globex", "iccid_range",
                        Map.of("from", sims.prefix + "0000000", "to", sims.prefix + "9999999")))
                .post("/api/v1/admin/sims/assign")
                .then().statusCode(200).body("count", equalTo(2));
        problem(as(OPS).body(Map.of("tenant_id", "globex", "iccid_range",
                        Map.of("from", sims.prefix + "0000000", "to", sims.prefix + "9999999")))
                .post("/api/v1/admin/sims/assign").then(), 409, "sims-unavailable");
    }

    @Test
    void aListWithAnyUnavailableSimMovesNothing() {
        TestSims sims = TestSims.inStock(2);
        TestSims taken = TestSims.assignedTo("globex", 1);
        String unknown = TestSims.generate(1).first();
        problem(as(OPS).body(Map.of("tenant_id", "acme", "iccids", List.of(sims.first(), taken.first(), unknown)))
                .post("/api/v1/admin/sims/assign").then(), 409, "sims-unavailable")
                .body("sims.iccid", equalTo(List.of(taken.first(), unknown).stream().sorted().toList()))
                .body("sims.find { it.iccid == '" + unknown + "' }.status", equalTo("unknown"))
                .body("sims.find { it.iccid == '" + taken.first() + "' }.status", equalTo("ready"));
        as(OPS).get("/api/v1/admin/sims/" + sims.first()).then().body("status", equalTo("stock"));
    }

    @Test
    void assignmentRespectsTheSimQuota() {
        String tenant = "q-" + UUID.randomUUID().toString().substring(0, 8);
        as(OPS).body(Map.of("id", tenant, "name", "Quota", "quotas", Map.of("max_sims", 2)))
                .post("/api/v1/admin/tenants").then().statusCode(201);
        TestSims sims = TestSims.inStock(3);
        problem(as(OPS).body(Map.of("tenant_id", tenant, "iccids", sims.iccids)).post("/api/v1/admin/sims/assign")
                .then(), 409, "quota-exceeded")
                .body("quota", equalTo("max_sims")).body("limit", equalTo(2)).body("requested", equalTo(3));
        as(OPS).body(Map.of("tenant_id", tenant, "iccids", sims.iccids.subList(0, 2))).post("/api/v1/admin/sims/assign")
                .then().statusCode(200);
    }

    @Test
    void badAssignmentsNameTheField() {
        problem(as(OPS).body(Map.of("tenant_id", "acme")).post("/api/v1/admin/sims/assign").then(), 422,
                "validation-failed").body("errors[0].field", equalTo("iccids"));
        problem(as(OPS).body(Map.of("tenant_id", "acme", "iccids", List.of("123"))).post("/api/v1/admin/sims/assign")
                .then(), 422, "validation-failed").body("errors[0].field", equalTo("iccids[0]"));
        problem(as(OPS).body(Map.of("tenant_id", "nobody-here", "iccids", TestSims.inStock(1).iccids))
                .post("/api/v1/admin/sims/assign").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("tenant_id"));
    }

    @Test
    void unassignsOnlyNeverUsedSimsAndForgetsTheirTenantData() {
        TestSims sims = TestSims.assignedTo("acme", 2);
        as(ACME_ADMIN).header("If-Match", "*").body(Map.of("name", "secret pump", "labels", Map.of("site", "x")))
                .patch("/api/v1/sims/" + sims.first()).then().statusCode(200);
        as(ACME_ADMIN).post("/api/v1/sims/" + sims.iccids.get(1) + "/activate").then().statusCode(200);

        problem(as(OPS).body(Map.of("iccids", sims.iccids)).post("/api/v1/admin/sims/unassign").then(), 409,
                "sims-unavailable")
                .body("sims[0].iccid", equalTo(sims.iccids.get(1))).body("sims[0].status", equalTo("active"));

        as(OPS).body(Map.of("iccids", List.of(sims.first()))).post("/api/v1/admin/sims/unassign")
                .then().statusCode(200).body("count", equalTo(1));
        as(OPS).get("/api/v1/admin/sims/" + sims.first()).then()
                .body("status", equalTo("stock")).body("tenant_id", equalTo(null))
                .body("name", equalTo(null)).body("labels.size()", equalTo(0));
        problem(as(ACME_ADMIN).get("/api/v1/sims/" + sims.first()).then(), 404, "not-found");

        // a new owner does not see the previous owner's history
        as(OPS).body(Map.of("tenant_id", "globex", "iccids", List.of(sims.first()))).post("/api/v1/admin/sims/assign")
                .then().statusCode(200);
        as("globex-admin").get("/api/v1/sims/" + sims.first() + "/history").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].action", equalTo("assign"));
    }

    /** Returned to stock, a SIM keeps nothing of its tenant: no profile, no overrides, no address of its pools. */
    @Test
    void aSimBackInStockTakesNothingOfItsTenantToTheNext() {
        ensureTenant("globex");
        String iccid = TestSims.assignedTo("acme", 1).first();
        String sim = "/api/v1/sims/" + iccid;
        String profileId = as(ACME_ADMIN).body(Map.of("name", "stock-" + UUID.randomUUID(),
                        "policy", Map.of("voice", Map.of("enabled", true))))
                .post("/api/v1/service-profiles").then().statusCode(201).extract().path("id");
        as(ACME_ADMIN).header("If-Match", "*").body(Map.of("service_profile_id", profileId,
                        "overrides", Map.of("imei_lock", Map.of("mode", "locked", "imei", "356938035643809"))))
                .patch(sim + "/policy").then().statusCode(200);
        JsonPath pool = TestPools.newPool("acme", 29);
        as(ACME_ADMIN).body(Map.of("pool_id", pool.getString("id"))).put(sim + "/ip-address").then().statusCode(200);

        as(OPS).body(Map.of("iccids", List.of(iccid))).post("/api/v1/admin/sims/unassign").then().statusCode(200);
        as(ACME_ADMIN).get("/api/v1/ip-pools/" + pool.getString("id")).then().body("usage.assigned", equalTo(0));
        as(ACME_ADMIN).header("If-Match", "*").delete("/api/v1/service-profiles/" + profileId).then().statusCode(204);

        as(OPS).body(Map.of("tenant_id", "globex", "iccids", List.of(iccid))).post("/api/v1/admin/sims/assign")
                .then().statusCode(200);
        as("globex-admin").get(sim + "/policy").then().statusCode(200)
                .body("sources.count { it.value == 'sim' }", equalTo(0));
        problem(as("globex-admin").get(sim + "/ip-address").then(), 404, "not-found");
    }
}
