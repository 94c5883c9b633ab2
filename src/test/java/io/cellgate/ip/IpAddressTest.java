package io.cellgate.ip;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.ACME_OPERATOR;
import static io.cellgate.support.Api.ACME_VIEWER;
import static io.cellgate.support.Api.GLOBEX_ADMIN;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static io.cellgate.support.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.support.TestActors;
import io.cellgate.support.TestPools;
import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IpAddressTest {
    @Inject
    ScopedDatabase db;

    @BeforeEach
    void tenants() {
        ensureTenant("acme");
        ensureTenant("globex");
    }

    private static Map<String, Object> from(JsonPath pool) {
        return Map.of("pool_id", pool.getString("id"));
    }

    private static String base(JsonPath pool) {
        String cidr = pool.getString("cidr");
        return cidr.substring(0, cidr.lastIndexOf('.') + 1);
    }

    @Test
    void carrierOpsCreatePoolsThatNeverOverlapAndTenantsSeeTheirUsage() {
        JsonPath created = TestPools.newPool("acme", 24);
        String id = created.getString("id");
        assertEquals(254, created.getLong("usage.total"));
        assertEquals(0, created.getLong("usage.assigned"));

        String inside = base(created) + "128/25";
        problem(as(OPS).body(Map.of("tenant_id", "globex", "name", "x", "cidr", inside)).post("/api/v1/admin/ip-pools")
                .then(), 409, "pools-overlap").body("overlapping_pool_id", equalTo(id));
        problem(as(OPS).body(Map.of("tenant_id", "acme", "name", "x", "cidr", "8.8.8.0/24"))
                .post("/api/v1/admin/ip-pools").then(), 422, "validation-failed").body("errors[0].field", equalTo("cidr"));
        problem(as(OPS).body(Map.of("tenant_id", "acme", "name", "x", "cidr", "10.1.2.3/16"))
                .post("/api/v1/admin/ip-pools").then(), 422, "validation-failed").body("errors[0].field", equalTo("cidr"));
        problem(as(OPS).body(Map.of("tenant_id", "acme", "name", "x", "cidr", "10.9.9.0/31"))
                .post("/api/v1/admin/ip-pools").then(), 422, "validation-failed").body("errors[0].field", equalTo("cidr"));
        problem(as(OPS).body(Map.of("tenant_id", "nobody", "name", "x", "cidr", "10.250.250.0/24"))
                .post("/api/v1/admin/ip-pools").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("tenant_id"));
        problem(as(ACME_ADMIN).body(Map.of("tenant_id", "acme", "name", "x", "cidr", "10.250.250.0/24"))
                .post("/api/v1/admin/ip-pools").then(), 403, "forbidden");

        as(ACME_VIEWER).queryParam("limit", 1000).get("/api/v1/ip-pools").then().statusCode(200)
                .body("items.id", hasItem(id));
        as(ACME_VIEWER).get("/api/v1/ip-pools/" + id).then().statusCode(200).body("usage.free", equalTo(254));
        problem(as(GLOBEX_ADMIN).get("/api/v1/ip-pools/" + id).then(), 404, "not-found");
        as(OPS).queryParam("tenant_id", "acme").queryParam("limit", 1000).get("/api/v1/admin/ip-pools").then()
                .statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void simsGetTheNextFreeOrAChosenAddressAndGiveItBack() {
        JsonPath ipPool = TestPools.newPool("acme", 28);
        String net = base(ipPool);
        TestSims sims = TestSims.assignedTo("acme", 3);
        String first = "/api/v1/sims/" + sims.iccids.get(0) + "/ip-address";
        String second = "/api/v1/sims/" + sims.iccids.get(1) + "/ip-address";

        as(ACME_OPERATOR).body(from(ipPool)).put(first).then().statusCode(200)
                .body("address", equalTo(net + "1")).body("pool_id", equalTo(ipPool.getString("id")));
        as(ACME_OPERATOR).body(Map.of("address", net + "9")).put(second).then().statusCode(200)
                .body("address", equalTo(net + "9"));
        problem(as(ACME_OPERATOR).body(Map.of("address", net + "9")).put("/api/v1/sims/" + sims.iccids.get(2)
                + "/ip-address").then(), 409, "address-in-use");
        problem(as(ACME_OPERATOR).body(Map.of("address", net + "0")).put(second).then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("address"));
        problem(as(ACME_OPERATOR).body(Map.of("address", net + "15")).put(second).then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("address"));
        problem(as(ACME_OPERATOR).body(Map.of("address", "192.0.2.1")).put(second).then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("address"));

        as(ACME_OPERATOR).body(Map.of("pool_id", ipPool.getString("id"))).put(second).then().statusCode(200)
                .body("address", equalTo(net + "2"));
        as(ACME_VIEWER).get("/api/v1/ip-pools/" + ipPool.getString("id")).then().body("usage.assigned", equalTo(2));
        assertEquals(net + "2", staticIp(sims.iccids.get(1)));

        as(ACME_OPERATOR).delete(second).then().statusCode(204);
        problem(as(ACME_VIEWER).get(second).then(), 404, "not-found");
        assertEquals(null, staticIp(sims.iccids.get(1)));
        problem(as(ACME_VIEWER).body(from(ipPool)).put(second).then(), 403, "forbidden");
    }

    @Test
    void terminatingASimReleasesItsAddress() {
        JsonPath ipPool = TestPools.newPool("acme", 29);
        String iccid = TestSims.assignedTo("acme", 1).first();
        as(ACME_OPERATOR).body(from(ipPool)).put("/api/v1/sims/" + iccid + "/ip-address").then().statusCode(200);
        as(ACME_ADMIN).body(Map.of("confirm_iccid", iccid)).post("/api/v1/sims/" + iccid + "/terminate").then()
                .statusCode(200);
        problem(as(ACME_VIEWER).get("/api/v1/sims/" + iccid + "/ip-address").then(), 404, "not-found");
        as(ACME_VIEWER).get("/api/v1/ip-pools/" + ipPool.getString("id")).then().body("usage.assigned", equalTo(0));
        problem(as(ACME_OPERATOR).body(from(ipPool)).put("/api/v1/sims/" + iccid + "/ip-address").then(), 409,
                "conflict");
    }

    @Test
    void aFullPoolIsAConflictNamingThePool() {
        JsonPath ipPool = TestPools.newPool("acme", 30);
        TestSims sims = TestSims.assignedTo("acme", 3);
        for (String iccid : sims.iccids.subList(0, 2)) {
            as(ACME_OPERATOR).body(from(ipPool)).put("/api/v1/sims/" + iccid + "/ip-address").then().statusCode(200);
        }
        problem(as(ACME_OPERATOR).body(from(ipPool)).put("/api/v1/sims/" + sims.iccids.get(2) + "/ip-address").then(),
                409, "pool-exhausted").body("pool_id", equalTo(ipPool.getString("id")))
                .body("pool_name", equalTo(ipPool.getString("name")));
    }

    /** 200 parallel "next free" requests into a /24 give 200 distinct host addresses of it. */
    @Test
    void parallelAssignmentsNeverShareAnAddress() throws Exception {
        JsonPath ipPool = TestPools.newPool("acme", 24);
        List<JsonPath> results = assignInParallel(ipPool, TestSims.assignedTo("acme", 200).iccids);
        Set<String> addresses = new HashSet<>();
        for (JsonPath result : results) {
            String address = result.getString("address");
            assertTrue(address.startsWith(base(ipPool)), address);
            int host = Integer.parseInt(address.substring(address.lastIndexOf('.') + 1));
            assertTrue(host >= 1 && host <= 254, address);
            addresses.add(address);
        }
        assertEquals(200, addresses.size());
    }

    /** 200 parallel requests into a /25 (126 hosts): 126 addresses, then clean pool-exhausted conflicts. */
    @Test
    void parallelAssignmentsIntoATooSmallPoolFailCleanly() throws Exception {
        JsonPath ipPool = TestPools.newPool("acme", 25);
        List<JsonPath> results = assignInParallel(ipPool, TestSims.assignedTo("acme", 200).iccids);
        Set<String> addresses = new HashSet<>();
        int exhausted = 0;
        for (JsonPath result : results) {
            if (result.getString("address") != null) {
                addresses.add(result.getString("address"));
            } else {
                assertEquals("https://cellgate.io/problems/pool-exhausted", result.getString("type"));
                exhausted++;
            }
        }
        assertEquals(126, addresses.size());
        assertEquals(74, exhausted);
    }

    @Test
    void aBulkAssignmentGivesManySimsAddressesAndReportsWhatDidNotFit() {
        JsonPath small = TestPools.newPool("acme", 27);
        TestSims sims = TestSims.assignedTo("acme", 35);
        String terminated = sims.iccids.get(34);
        as(ACME_ADMIN).body(Map.of("confirm_iccid", terminated)).post("/api/v1/sims/" + terminated + "/terminate")
                .then().statusCode(200);
        String keeper = sims.first();
        String kept = as(ACME_OPERATOR).body(Map.of("address", base(small) + "30")).put("/api/v1/sims/" + keeper
                + "/ip-address").then().statusCode(200).extract().path("address");

        problem(as(ACME_OPERATOR).body(Map.of("iccids", List.of(keeper)))
                .post("/api/v1/ip-pools/" + small.getString("id") + "/bulk-assignments").then(), 403, "forbidden");
        String job = as(ACME_ADMIN).header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(Map.of("filter", Map.of("iccid_prefix", sims.prefix)))
                .post("/api/v1/ip-pools/" + small.getString("id") + "/bulk-assignments").then().statusCode(202)
                .body("kind", equalTo("ip_bulk_assignment")).body("total", equalTo(35))
                .body("parameters.pool_id", equalTo(small.getString("id"))).extract().path("id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                "completed".equals(as(ACME_OPERATOR).get("/api/v1/jobs/" + job).path("status")));

        // a /27 has 30 hosts: the keeper holds one, 29 more SIMs get one, 4 find the pool full, 1 is terminated
        JsonPath done = as(ACME_OPERATOR).get("/api/v1/jobs/" + job).then().extract().jsonPath();
        assertEquals(30, done.getInt("succeeded"));
        assertEquals(5, done.getInt("failed"));
        assertEquals(4, done.getList("failures.findAll { it.reason == 'pool_exhausted' }").size());
        assertEquals("illegal_state", done.getString("failures.find { it.target == '" + terminated + "' }.reason"));
        as(ACME_VIEWER).get("/api/v1/ip-pools/" + small.getString("id")).then().body("usage.free", equalTo(0));
        as(ACME_VIEWER).get("/api/v1/sims/" + keeper + "/ip-address").then().body("address", equalTo(kept));
        problem(as(GLOBEX_ADMIN).body(Map.of("iccids", List.of(keeper)))
                .post("/api/v1/ip-pools/" + small.getString("id") + "/bulk-assignments").then(), 404, "not-found");
    }

    @Test
    void anotherTenantCannotReachAddressesOrPools() {
        JsonPath acmePool = TestPools.newPool("acme", 29);
        String acmeSim = TestSims.assignedTo("acme", 1).first();
        as(ACME_OPERATOR).body(from(acmePool)).put("/api/v1/sims/" + acmeSim + "/ip-address").then().statusCode(200);
        problem(as(GLOBEX_ADMIN).get("/api/v1/sims/" + acmeSim + "/ip-address").then(), 404, "not-found");
        problem(as(GLOBEX_ADMIN).body(Map.of()).put("/api/v1/sims/" + acmeSim + "/ip-address").then(), 404,
                "not-found");
        problem(as(GLOBEX_ADMIN).delete("/api/v1/sims/" + acmeSim + "/ip-address").then(), 404, "not-found");
        String globexSim = TestSims.assignedTo("globex", 1).first();
        problem(as(GLOBEX_ADMIN).body(from(acmePool)).put("/api/v1/sims/" + globexSim + "/ip-address").then(), 422,
                "validation-failed").body("errors[0].field", equalTo("pool_id"));
        as(ACME_VIEWER).get("/api/v1/sims/" + acmeSim + "/ip-address").then().statusCode(200);
    }

    private List<JsonPath> assignInParallel(JsonPath ipPool, List<String> iccids) throws Exception {
        io.cellgate.support.Tokens.of(ACME_OPERATOR);
        ExecutorService executor = Executors.newFixedThreadPool(16);
        try {
            List<Future<JsonPath>> futures = new ArrayList<>();
            for (String iccid : iccids) {
                futures.add(executor.submit(() -> {
                    var response = as(ACME_OPERATOR).body(from(ipPool)).put("/api/v1/sims/" + iccid + "/ip-address");
                    assertTrue(response.statusCode() == 200 || response.statusCode() == 409,
                            "status " + response.statusCode());
                    return response.jsonPath();
                }));
            }
            List<JsonPath> results = new ArrayList<>();
            for (Future<JsonPath> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    private String staticIp(String iccid) {
        var rows = db.transaction(TestActors.allTenants(), tx -> tx.preparedQuery("SELECT host(static_ip)"
                + " FROM sim_decisions WHERE iccid = $1").execute(Tuple.of(iccid))).await().indefinitely();
        return rows.iterator().next().getString(0);
    }
}
