package io.cellgate.sim;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.ACME_OPERATOR;
import static io.cellgate.support.Api.ACME_VIEWER;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static io.cellgate.support.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SimLifecycleTest {

    @BeforeAll
    static void tenants() {
        ensureTenant("acme");
    }

    @Test
    void walksTheWholeLifecycleAndRecordsEachStep() {
        String iccid = TestSims.assignedTo("acme", 1).first();
        String sim = "/api/v1/sims/" + iccid;

        as(ACME_OPERATOR).post(sim + "/activate").then().statusCode(200)
                .body("status", equalTo("active")).body("activated_at", notNullValue())
                .body("allowed_actions", equalTo(List.of("suspend")));
        as(ACME_OPERATOR).post(sim + "/suspend").then().statusCode(200)
                .body("status", equalTo("suspended")).body("allowed_actions", equalTo(List.of("resume", "terminate")));
        as("acme-backend").post(sim + "/resume").then().statusCode(200).body("status", equalTo("active"));
        as(ACME_OPERATOR).post(sim + "/suspend").then().statusCode(200);
        as(ACME_ADMIN).body(Map.of("confirm_iccid", iccid)).post(sim + "/terminate").then().statusCode(200)
                .body("status", equalTo("terminated")).body("allowed_actions", equalTo(List.of()));

        as(ACME_VIEWER).get(sim + "/history").then().statusCode(200)
                .body("items.action", equalTo(List.of("assign", "activate", "suspend", "resume", "suspend", "terminate")))
                .body("items.to_status", equalTo(List.of("ready", "active", "suspended", "active", "suspended",
                        "terminated")))
                .body("items.actor", equalTo(List.of("ops", "acme-operator", "acme-operator",
                        "service-account-acme-backend", "acme-operator", "acme-admin")));
    }

    @Test
    void illegalTransitionsNameTheStateAndTheAllowedActions() {
        String sim = "/api/v1/sims/" + TestSims.assignedTo("acme", 1).first();
        problem(as(ACME_OPERATOR).post(sim + "/suspend").then(), 409, "illegal-transition")
                .body("current_status", equalTo("ready"))
                .body("allowed_actions", equalTo(List.of("activate", "terminate")));
        as(ACME_OPERATOR).post(sim + "/activate").then().statusCode(200);
        problem(as(ACME_OPERATOR).post(sim + "/activate").then(), 409, "illegal-transition")
                .body("current_status", equalTo("active")).body("allowed_actions", equalTo(List.of("suspend")));
    }

    @Test
    void terminateNeedsTheIccidRepeatedAndAnAdmin() {
        String iccid = TestSims.assignedTo("acme", 1).first();
        String sim = "/api/v1/sims/" + iccid;
        problem(as(ACME_ADMIN).body(Map.of()).post(sim + "/terminate").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("confirm_iccid"));
        problem(as(ACME_ADMIN).body(Map.of("confirm_iccid", "89000000000000000000")).post(sim + "/terminate").then(),
                422, "validation-failed").body("errors[0].field", equalTo("confirm_iccid"));
        problem(as(ACME_OPERATOR).body(Map.of("confirm_iccid", iccid)).post(sim + "/terminate").then(), 403,
                "forbidden");
        as(ACME_ADMIN).body(Map.of("confirm_iccid", iccid)).post(sim + "/terminate").then().statusCode(200);
        problem(as(ACME_ADMIN).post(sim + "/activate").then(), 409, "illegal-transition")
                .body("allowed_actions", equalTo(List.of()));
    }

    @Test
    void viewersReadButNeverChange() {
        String sim = "/api/v1/sims/" + TestSims.assignedTo("acme", 1).first();
        as(ACME_VIEWER).get(sim).then().statusCode(200);
        problem(as(ACME_VIEWER).post(sim + "/activate").then(), 403, "forbidden");
        problem(as(ACME_VIEWER).body(Map.of("name", "x")).patch(sim).then(), 403, "forbidden");
        problem(as(ACME_VIEWER).body(Map.of("action", "activate", "iccids", List.of("89000000000000000000")))
                .post("/api/v1/sims/bulk-actions").then(), 403, "forbidden");
        as(ACME_VIEWER).get(sim).then().body("status", equalTo("ready"));
    }

    @Test
    void patchMergesNameAndLabelsWithOptimisticConcurrency() {
        String sim = "/api/v1/sims/" + TestSims.assignedTo("acme", 1).first();
        problem(as(ACME_OPERATOR).body(Map.of("name", "Pump 17")).patch(sim).then(), 428, "precondition-required");
        String etag = as(ACME_OPERATOR).header("If-Match", "*")
                .body(Map.of("name", "Pump 17", "labels", Map.of("site", "hh", "fleet", "p")))
                .patch(sim).then().statusCode(200)
                .body("name", equalTo("Pump 17")).body("labels", equalTo(Map.of("site", "hh", "fleet", "p")))
                .extract().header("ETag");

        java.util.Map<String, Object> removeFleet = new java.util.HashMap<>();
        removeFleet.put("fleet", null);
        removeFleet.put("zone", "north");
        String current = as(ACME_OPERATOR).contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("labels", removeFleet)).patch(sim).then().statusCode(200)
                .body("name", equalTo("Pump 17")).body("labels", equalTo(Map.of("site", "hh", "zone", "north")))
                .extract().header("ETag");
        // a patch that changes nothing leaves the version, so that nobody else's If-Match fails for it
        as(ACME_OPERATOR).header("If-Match", current).body(Map.of("name", "Pump 17", "labels", Map.of("zone", "north")))
                .patch(sim).then().statusCode(200).header("ETag", equalTo(current));

        problem(as(ACME_OPERATOR).header("If-Match", etag).body(Map.of("name", "stale")).patch(sim).then(), 412,
                "precondition-failed");
        problem(as(ACME_OPERATOR).header("If-Match", "W/" + etag).body(Map.of("name", "weak")).patch(sim).then(), 422,
                "validation-failed").body("errors[0].field", equalTo("If-Match"));
        as(ACME_OPERATOR).header("If-Match", "*").body("{\"name\": null}").patch(sim).then().statusCode(200).body("name", equalTo(null))
                .body("labels.site", equalTo("hh"));
        problem(as(ACME_OPERATOR).body(Map.of("labels", Map.of("no spaces", "x"))).patch(sim).then(), 422,
                "validation-failed").body("errors[0].field", equalTo("labels.no spaces"));
        problem(as(ACME_OPERATOR).body(Map.of("imsi", "262011234567890")).patch(sim).then(), 422,
                "validation-failed").body("errors[0].field", equalTo("imsi"));
        problem(as(ACME_OPERATOR).body(Map.of("name", List.of("x"))).patch(sim).then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void listsFilterAndPageStably() {
        TestSims sims = TestSims.assignedTo("acme", 7);
        for (String iccid : sims.iccids.subList(0, 3)) {
            as(ACME_OPERATOR).post("/api/v1/sims/" + iccid + "/activate").then().statusCode(200);
        }
        as(ACME_OPERATOR).header("If-Match", "*").body(Map.of("labels", Map.of("fleet", "pumps")))
                .patch("/api/v1/sims/" + sims.iccids.get(6))
                .then().statusCode(200);

        as(ACME_VIEWER).queryParam("iccid_prefix", sims.prefix).queryParam("status", "active").get("/api/v1/sims")
                .then().statusCode(200).body("items.iccid", equalTo(sims.iccids.subList(0, 3)))
                .body("next_cursor", equalTo(null));
        as(ACME_VIEWER).queryParam("iccid_prefix", sims.prefix).queryParam("label", "fleet:pumps").get("/api/v1/sims")
                .then().body("items.iccid", equalTo(List.of(sims.iccids.get(6))));
        problem(as(ACME_VIEWER).queryParam("label", "no-colon").get("/api/v1/sims").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("label"));
        problem(as(ACME_VIEWER).queryParam("status", "lost").get("/api/v1/sims").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("status"));

        List<String> paged = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var spec = as(ACME_VIEWER).queryParam("iccid_prefix", sims.prefix).queryParam("limit", 3);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.get("/api/v1/sims").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.iccid"));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        org.junit.jupiter.api.Assertions.assertEquals(sims.iccids, paged);
    }
}
