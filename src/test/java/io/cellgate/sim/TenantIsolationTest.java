package io.cellgate.sim;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.GLOBEX_ADMIN;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static io.cellgate.support.Api.problem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every tenant endpoint, called by globex on acme's resources, answers 404 and changes nothing. */
@QuarkusTest
class TenantIsolationTest {

    @BeforeAll
    static void tenants() {
        ensureTenant("acme");
        ensureTenant("globex");
    }

    @Test
    void anotherTenantsSimIsNotFoundOnEveryEndpoint() {
        TestSims acme = TestSims.assignedTo("acme", 2);
        String iccid = acme.first();
        String sim = "/api/v1/sims/" + iccid;
        as(ACME_ADMIN).post("/api/v1/sims/" + acme.iccids.get(1) + "/activate").then().statusCode(200);

        problem(as(GLOBEX_ADMIN).get(sim).then(), 404, "not-found");
        problem(as(GLOBEX_ADMIN).body(Map.of("name", "hijacked")).patch(sim).then(), 404, "not-found");
        problem(as(GLOBEX_ADMIN).get(sim + "/history").then(), 404, "not-found");
        problem(as(GLOBEX_ADMIN).post(sim + "/activate").then(), 404, "not-found");
        problem(as(GLOBEX_ADMIN).post("/api/v1/sims/" + acme.iccids.get(1) + "/suspend").then(), 404, "not-found");
        problem(as(GLOBEX_ADMIN).post(sim + "/resume").then(), 404, "not-found");
        problem(as(GLOBEX_ADMIN).body(Map.of("confirm_iccid", iccid)).post(sim + "/terminate").then(), 404,
                "not-found");
        as(GLOBEX_ADMIN).queryParam("iccid_prefix", acme.prefix).get("/api/v1/sims").then().statusCode(200)
                .body("items", hasSize(0));
        as("globex-backend").queryParam("iccid_prefix", acme.prefix).get("/api/v1/sims").then().statusCode(200)
                .body("items", hasSize(0));

        as(ACME_ADMIN).get(sim).then().statusCode(200).body("status", equalTo("ready")).body("name", equalTo(null));
        as(ACME_ADMIN).get(sim + "/history").then().body("items", hasSize(1));
    }

    @Test
    void anotherTenantsJobIsNotFoundAndBulkActionsCannotReachItsSims() {
        TestSims acme = TestSims.assignedTo("acme", 2);
        String acmeJob = as(ACME_ADMIN).body(Map.of("action", "activate", "iccids", List.of(acme.first())))
                .post("/api/v1/sims/bulk-actions").then().statusCode(202).extract().path("id");
        problem(as(GLOBEX_ADMIN).get("/api/v1/jobs/" + acmeJob).then(), 404, "not-found");
        problem(as(GLOBEX_ADMIN).get("/api/v1/jobs/" + acmeJob + "/failures").then(), 404, "not-found");

        String globexJob = as(GLOBEX_ADMIN).body(Map.of("action", "activate", "iccids", acme.iccids))
                .post("/api/v1/sims/bulk-actions").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as(GLOBEX_ADMIN).get("/api/v1/jobs/" + globexJob).then().body("status", equalTo("completed")));
        as(GLOBEX_ADMIN).get("/api/v1/jobs/" + globexJob).then()
                .body("succeeded", equalTo(0)).body("failed", equalTo(2))
                .body("failures.reason", equalTo(List.of("not_found", "not_found")));
        as(ACME_ADMIN).get("/api/v1/sims/" + acme.iccids.get(1)).then().body("status", equalTo("ready"));
    }

    @Test
    void aSuspendedTenantReadsButCannotChange() {
        TestSims globex = TestSims.assignedTo("globex", 1);
        String sim = "/api/v1/sims/" + globex.first();
        as(OPS).body(Map.of("status", "suspended")).patch("/api/v1/admin/tenants/globex").then().statusCode(200);
        try {
            as(GLOBEX_ADMIN).get(sim).then().statusCode(200);
            as(GLOBEX_ADMIN).get("/api/v1/sims").then().statusCode(200);
            problem(as(GLOBEX_ADMIN).post(sim + "/activate").then(), 403, "tenant-suspended");
            problem(as(GLOBEX_ADMIN).body(Map.of("name", "x")).patch(sim).then(), 403, "tenant-suspended");
            problem(as(GLOBEX_ADMIN).body(Map.of("action", "activate", "iccids", globex.iccids))
                    .post("/api/v1/sims/bulk-actions").then(), 403, "tenant-suspended");
        } finally {
            as(OPS).body(Map.of("status", "active")).patch("/api/v1/admin/tenants/globex").then().statusCode(200);
        }
        as(GLOBEX_ADMIN).get(sim).then().body("status", equalTo("ready")).body("name", equalTo(null));
    }

    @Test
    void tenantTokensCannotUseCarrierOpsEndpoints() {
        problem(as(ACME_ADMIN).get("/api/v1/admin/sims").then(), 403, "forbidden");
        problem(as(ACME_ADMIN).body(Map.of("tenant_id", "acme", "iccids", List.of(TestSims.inStock(1).first())))
                .post("/api/v1/admin/sims/assign").then(), 403, "forbidden");
        problem(as(ACME_ADMIN).body(List.of()).post("/api/v1/admin/sims/import").then(), 403, "forbidden");
    }

    @Test
    void carrierOpsHaveNoTenantView() {
        problem(as(OPS).get("/api/v1/sims").then(), 403, "forbidden");
    }
}
