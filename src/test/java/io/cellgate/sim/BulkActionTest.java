package io.cellgate.sim;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.ACME_OPERATOR;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static io.cellgate.support.Api.problem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import io.cellgate.support.PrometheusMetrics;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BulkActionTest {

    @BeforeAll
    static void tenants() {
        ensureTenant("acme");
        ensureTenant("globex");
    }

    private static JsonPath awaitCompleted(String user, String jobId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(user).get("/api/v1/jobs/" + jobId).then().statusCode(200).body("status", equalTo("completed")));
        return as(user).get("/api/v1/jobs/" + jobId).then().extract().jsonPath();
    }

    /** Bulk actions finished, and their targets by outcome, as Prometheus reads them. */
    private static Map<String, Double> jobMetrics() {
        return Map.of("completed", PrometheusMetrics.sum("cellgate_jobs_total", Map.of("kind", "sim_bulk_action",
                        "outcome", "completed")),
                "succeeded", PrometheusMetrics.sum("cellgate_job_targets_total", Map.of("kind", "sim_bulk_action",
                        "outcome", "succeeded")),
                "failed", PrometheusMetrics.sum("cellgate_job_targets_total", Map.of("kind", "sim_bulk_action",
                        "outcome", "failed")));
    }

    private static Map<String, Double> difference(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> difference = new java.util.HashMap<>();
        after.forEach((name, value) -> difference.put(name, value - before.get(name)));
        return difference;
    }

    @Test
    void oneFailingSimDoesNotStopTheOthers() {
        TestSims sims = TestSims.assignedTo("acme", 2500);
        as(ACME_OPERATOR).post("/api/v1/sims/" + sims.iccids.get(10) + "/activate").then().statusCode(200);
        String unknown = TestSims.generate(1).first();
        List<String> targets = new ArrayList<>(sims.iccids);
        targets.add(unknown);
        targets.add(sims.first());

        Map<String, Double> before = jobMetrics();
        var submitted = as(ACME_OPERATOR).body(Map.of("action", "activate", "iccids", targets))
                .post("/api/v1/sims/bulk-actions").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/jobs/"))
                .body("kind", equalTo("sim_bulk_action")).body("action", equalTo("activate"))
                .body("total", equalTo(2501)).body("created_by", equalTo("acme-operator"))
                .extract().jsonPath();

        JsonPath job = awaitCompleted(ACME_OPERATOR, submitted.getString("id"));
        org.junit.jupiter.api.Assertions.assertAll(
                () -> org.junit.jupiter.api.Assertions.assertEquals(2501, job.getInt("processed")),
                () -> org.junit.jupiter.api.Assertions.assertEquals(2499, job.getInt("succeeded")),
                () -> org.junit.jupiter.api.Assertions.assertEquals(2, job.getInt("failed")),
                () -> org.junit.jupiter.api.Assertions.assertNotNull(job.getString("finished_at")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> org.junit.jupiter.api.Assertions.assertEquals(
                Map.of("completed", 1.0, "succeeded", 2499.0, "failed", 2.0), difference(jobMetrics(), before)));
        as(ACME_OPERATOR).get("/api/v1/jobs/" + submitted.getString("id") + "/failures").then().statusCode(200)
                .body("items.target", equalTo(List.of(sims.iccids.get(10), unknown).stream().sorted().toList()))
                .body("items.find { it.target == '" + unknown + "' }.reason", equalTo("not_found"))
                .body("items.find { it.target == '" + sims.iccids.get(10) + "' }.reason", equalTo("illegal_transition"))
                .body("items.find { it.target == '" + sims.iccids.get(10) + "' }.current_status", equalTo("active"));

        as(ACME_OPERATOR).queryParam("iccid_prefix", sims.prefix).queryParam("status", "active")
                .queryParam("limit", 1000).get("/api/v1/sims").then().body("items", hasSize(1000));
        as(ACME_OPERATOR).get("/api/v1/sims/" + sims.iccids.get(2000) + "/history").then()
                .body("items[1].job_id", equalTo(submitted.getString("id")))
                .body("items[1].actor", equalTo("acme-operator"));
    }

    @Test
    void aFilterSelectsTheSimsWhenTheJobIsCreated() {
        TestSims sims = TestSims.assignedTo("acme", 6);
        for (String iccid : sims.iccids.subList(0, 4)) {
            as(ACME_OPERATOR).post("/api/v1/sims/" + iccid + "/activate").then().statusCode(200);
        }
        String id = as(ACME_OPERATOR)
                .body(Map.of("action", "suspend", "filter", Map.of("status", "active", "iccid_prefix", sims.prefix)))
                .post("/api/v1/sims/bulk-actions").then().statusCode(202).body("total", equalTo(4))
                .body("parameters.filter.status", equalTo("active"))
                .body("parameters.filter.iccid_prefix", equalTo(sims.prefix))
                .extract().path("id");
        org.junit.jupiter.api.Assertions.assertEquals(Map.of("status", "active", "iccid_prefix", sims.prefix),
                awaitCompleted(ACME_OPERATOR, id).getMap("parameters.filter"), "the job shows the filter it was given");
        as(ACME_OPERATOR).queryParam("iccid_prefix", sims.prefix).get("/api/v1/sims").then()
                .body("items.status", equalTo(List.of("suspended", "suspended", "suspended", "suspended", "ready",
                        "ready")));
    }

    @Test
    void aTenantsJobsAreListedNewestFirstWithoutAnotherTenantsJobs() {
        String prefix = TestSims.generate(1).prefix;
        List<String> submitted = new ArrayList<>();
        for (String action : List.of("activate", "suspend", "resume")) {
            submitted.add(0, as(ACME_OPERATOR).body(Map.of("action", action, "filter", Map.of("iccid_prefix", prefix)))
                    .post("/api/v1/sims/bulk-actions").then().statusCode(202).extract().path("id"));
        }
        JsonPath page = as(ACME_OPERATOR).queryParam("limit", 2).queryParam("status", "completed").get("/api/v1/jobs")
                .then().statusCode(200).body("items", hasSize(2)).body("items[0].failures", equalTo(null))
                .extract().jsonPath();
        List<String> listed = new ArrayList<>(page.getList("items.id"));
        listed.addAll(as(ACME_OPERATOR).queryParam("limit", 1).queryParam("cursor", page.getString("next_cursor"))
                .get("/api/v1/jobs").then().statusCode(200).extract().jsonPath().getList("items.id"));
        org.junit.jupiter.api.Assertions.assertEquals(submitted, listed, "the three jobs, newest first");
        as(io.cellgate.support.Api.GLOBEX_ADMIN).queryParam("limit", 1000).get("/api/v1/jobs").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(submitted.get(0))));
        problem(as(ACME_OPERATOR).queryParam("status", "lost").get("/api/v1/jobs").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void anEmptySelectionCompletesAtOnce() {
        String prefix = TestSims.generate(1).prefix;
        as(ACME_OPERATOR).body(Map.of("action", "resume", "filter", Map.of("iccid_prefix", prefix)))
                .post("/api/v1/sims/bulk-actions").then().statusCode(202)
                .body("status", equalTo("completed")).body("total", equalTo(0)).body("finished_at", notNullValue());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameJob() {
        TestSims sims = TestSims.assignedTo("acme", 3);
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = Map.of("action", "activate", "iccids", sims.iccids);
        String first = as(ACME_OPERATOR).header("Idempotency-Key", key).body(request)
                .post("/api/v1/sims/bulk-actions").then().statusCode(202).extract().path("id");
        awaitCompleted(ACME_OPERATOR, first);
        as(ACME_OPERATOR).header("Idempotency-Key", key).body(request)
                .post("/api/v1/sims/bulk-actions").then().statusCode(202)
                .body("id", equalTo(first)).body("succeeded", equalTo(3)).body("failed", equalTo(0));
        problem(as(ACME_OPERATOR).header("Idempotency-Key", key)
                .body(Map.of("action", "suspend", "iccids", sims.iccids))
                .post("/api/v1/sims/bulk-actions").then(), 422, "idempotency-key-reused");
        as(ACME_OPERATOR).queryParam("iccid_prefix", sims.prefix).get("/api/v1/sims").then()
                .body("items.status", everyItem(equalTo("active")));
    }

    @Test
    void bulkTerminateNeedsConfirmationAndAnAdmin() {
        TestSims sims = TestSims.assignedTo("acme", 2);
        problem(as(ACME_ADMIN).body(Map.of("action", "terminate", "iccids", sims.iccids))
                .post("/api/v1/sims/bulk-actions").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("confirm"));
        problem(as(ACME_OPERATOR).body(Map.of("action", "terminate", "iccids", sims.iccids, "confirm", "terminate"))
                .post("/api/v1/sims/bulk-actions").then(), 403, "forbidden");
        String id = as(ACME_ADMIN).body(Map.of("action", "terminate", "iccids", sims.iccids, "confirm", "terminate"))
                .post("/api/v1/sims/bulk-actions").then().statusCode(202).extract().path("id");
        awaitCompleted(ACME_ADMIN, id);
        as(ACME_ADMIN).queryParam("iccid_prefix", sims.prefix).get("/api/v1/sims").then()
                .body("items.status", everyItem(equalTo("terminated")));
    }

    @Test
    void badBulkRequestsNameTheField() {
        problem(as(ACME_OPERATOR).body(Map.of("action", "activate")).post("/api/v1/sims/bulk-actions").then(), 422,
                "validation-failed").body("errors[0].field", equalTo("iccids"));
        problem(as(ACME_OPERATOR).body(Map.of("action", "explode", "iccids", List.of("89490200000000000013")))
                .post("/api/v1/sims/bulk-actions").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("action"));
        problem(as(ACME_OPERATOR).body(Map.of("action", "activate", "iccids", List.of("8949")))
                .post("/api/v1/sims/bulk-actions").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("iccids[0]"));
        problem(as(ACME_OPERATOR).get("/api/v1/jobs/" + UUID.randomUUID()).then(), 404, "not-found");
    }
}
