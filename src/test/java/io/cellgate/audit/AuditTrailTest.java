package io.cellgate.audit;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.ACME_VIEWER;
import static io.cellgate.support.Api.GLOBEX_ADMIN;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static io.cellgate.support.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.support.OwnerDatabase;
import io.cellgate.support.TestActors;
import io.cellgate.support.TestSims;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTrailTest {
    @Inject
    Scheduler scheduler;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    AuditService audit;
    @Inject
    ScopedDatabase db;

    @BeforeEach
    void tenants() {
        ensureTenant("acme");
        ensureTenant("globex");
    }

    private static JsonPath trail(String user, String target) {
        return as(user).queryParam("target", target).queryParam("limit", 1000).get("/api/v1/audit").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void aChangeAndItsRecordCommitTogetherWithWhoWhatWhenAndWhere() {
        String iccid = TestSims.assignedTo("acme", 1).first();
        String requestId = UUID.randomUUID().toString();
        as(ACME_ADMIN).header("X-Request-Id", requestId).header("User-Agent", "fleet-console/2.1")
                .post("/api/v1/sims/" + iccid + "/activate").then().statusCode(200)
                .header("X-Request-Id", requestId);

        JsonPath records = trail(ACME_ADMIN, "/api/v1/sims/" + iccid);
        assertEquals(1, records.getList("items").size());
        assertEquals("activateSim", records.getString("items[0].action"));
        assertEquals("success", records.getString("items[0].outcome"));
        assertEquals("acme-admin", records.getString("items[0].subject"));
        assertEquals(List.of("tenant-admin"), records.getList("items[0].roles").stream()
                .filter(role -> role.toString().startsWith("tenant-")).toList());
        assertEquals(true, records.getBoolean("items[0].mfa"));
        assertEquals(requestId, records.getString("items[0].request_id"));
        assertEquals("fleet-console/2.1", records.getString("items[0].user_agent"));
        assertEquals("ready", records.getString("items[0].changes.before.status"));
        assertEquals("active", records.getString("items[0].changes.after.status"));
        assertEquals("acme", records.getString("items[0].chain"));
    }

    @Test
    void refusedRequestsAreRecordedOnceAndWithoutAChange() {
        String iccid = TestSims.assignedTo("acme", 1).first();
        problem(as(ACME_ADMIN).post("/api/v1/sims/" + iccid + "/suspend").then(), 409, "illegal-transition");
        problem(as(ACME_VIEWER).post("/api/v1/sims/" + iccid + "/activate").then(), 403, "forbidden");

        as(ACME_ADMIN).queryParam("target", "/api/v1/sims/" + iccid).queryParam("outcome", "refused")
                .get("/api/v1/audit").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.status", equalTo(List.of(409, 403)))
                .body("items.subject", equalTo(List.of("acme-admin", "acme-viewer")))
                .body("items.changes", equalTo(java.util.Arrays.asList(null, null)));
        as(ACME_ADMIN).queryParam("target", "/api/v1/sims/" + iccid).queryParam("outcome", "success")
                .get("/api/v1/audit").then().body("items", hasSize(0));

        String path = "/api/v1/sims/" + iccid + "/resume";
        given().contentType(io.restassured.http.ContentType.JSON).post(path).then().statusCode(401);
        as(OPS).queryParam("target", path).get("/api/v1/admin/audit").then().statusCode(200)
                .body("items.subject", hasItem("anonymous")).body("items.status", hasItem(401))
                .body("items.chain", hasItem("*"));
    }

    @Test
    void whatCarrierOpsDoWithATenantsSimsIsInThatTenantsTrailReadsIncluded() {
        String iccid = TestSims.assignedTo("acme", 1).first();
        as(OPS).get("/api/v1/admin/decisions/" + iccid).then().statusCode(200);
        as(OPS).get("/api/v1/admin/sims/" + iccid).then().statusCode(200);

        JsonPath looked = trail(ACME_ADMIN, "/api/v1/admin/");
        List<Map<String, Object>> ours = looked.<Map<String, Object>>getList("items").stream()
                .filter(r -> r.get("target").toString().endsWith(iccid)).toList();
        assertEquals(List.of("getDecision", "getAnySim"), ours.stream().map(r -> r.get("action")).toList());
        for (Map<String, Object> record : ours) {
            assertEquals("ops", record.get("subject"));
            assertEquals("GET", record.get("method"));
            assertEquals("acme", record.get("chain"));
            assertEquals(true, ((List<?>) record.get("roles")).contains("carrier-ops"));
        }
        assertEquals(0, trail(GLOBEX_ADMIN, "/api/v1/admin/decisions/" + iccid).getList("items").size());

        as(OPS).body(Map.of("name", "ACME Logistics")).patch("/api/v1/admin/tenants/acme").then().statusCode(200);
        JsonPath changed = trail(ACME_ADMIN, "/api/v1/admin/tenants/acme");
        int last = changed.getList("items").size() - 1;
        assertEquals("updateTenant", changed.getString("items[" + last + "].action"));
        assertEquals("ACME Logistics", changed.getString("items[" + last + "].changes.after.name"));

        String requestId = UUID.randomUUID().toString();
        as(OPS).header("X-Request-Id", requestId).get("/api/v1/admin/tenants").then().statusCode(200);
        as(OPS).queryParam("action", "listTenants").queryParam("limit", 1000)
                .queryParam("from", java.time.Instant.now().minusSeconds(60).toString())
                .get("/api/v1/admin/audit").then().statusCode(200)
                .body("items.findAll { it.request_id == '" + requestId + "' }.chain", equalTo(List.of("*")));
    }

    @Test
    void tenantsSeeOnlyTheirOwnTrail() {
        String iccid = TestSims.assignedTo("acme", 1).first();
        as(ACME_ADMIN).header("If-Match", "*").body(Map.of("name", "audited")).patch("/api/v1/sims/" + iccid).then()
                .statusCode(200);
        as(GLOBEX_ADMIN).queryParam("target", "/api/v1/sims/" + iccid).get("/api/v1/audit").then().statusCode(200)
                .body("items", hasSize(0));
        as(OPS).queryParam("tenant_id", "acme").queryParam("target", "/api/v1/sims/" + iccid)
                .get("/api/v1/admin/audit").then().statusCode(200)
                .body("items[0].action", equalTo("updateSim"))
                .body("items[0].changes.after.name", equalTo("audited"));
        problem(as(ACME_VIEWER).get("/api/v1/audit").then(), 403, "forbidden");
        as(ACME_ADMIN).queryParam("target", "/api/v1/sims/" + iccid).queryParam("from", "2000-01-01T00:00:00Z")
                .queryParam("to", "2999-01-01T00:00:00+01:00").get("/api/v1/audit").then().body("items", hasSize(1));
        as(ACME_ADMIN).queryParam("target", "/api/v1/sims/" + iccid).queryParam("to", "2000-01-01T00:00:00Z")
                .get("/api/v1/audit").then().body("items", hasSize(0));
        problem(as(ACME_ADMIN).queryParam("from", "yesterday").get("/api/v1/audit").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void theTrailExportsAsJsonLinesAndCsv() {
        String iccid = TestSims.assignedTo("acme", 1).first();
        as(ACME_ADMIN).post("/api/v1/sims/" + iccid + "/activate").then().statusCode(200);
        as(ACME_ADMIN).post("/api/v1/sims/" + iccid + "/suspend").then().statusCode(200);

        String jsonl = as(ACME_ADMIN).accept("application/x-ndjson").queryParam("target", "/api/v1/sims/" + iccid)
                .get("/api/v1/audit/export").then().statusCode(200)
                .contentType(startsWith("application/x-ndjson"))
                .header("X-Request-Id", notNullValue()).header("RateLimit", notNullValue())
                .header("RateLimit-Policy", notNullValue()).extract().asString();
        List<String> lines = jsonl.lines().toList();
        assertEquals(2, lines.size());
        assertEquals("suspendSim", new JsonPath(lines.get(1)).getString("action"));

        String csv = as(ACME_ADMIN).accept("text/csv").queryParam("target", "/api/v1/sims/" + iccid)
                .get("/api/v1/audit/export/csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<String> rows = csv.lines().toList();
        assertEquals(3, rows.size());
        assertTrue(rows.get(0).startsWith("id,chain,seq,at,tenant_id,subject"));
        assertTrue(rows.get(1).contains(",activateSim,POST,/api/v1/sims/" + iccid));

        String all = as(OPS).accept("application/x-ndjson").queryParam("tenant_id", "acme")
                .queryParam("target", "/api/v1/sims/" + iccid).get("/api/v1/admin/audit/export").then().statusCode(200)
                .extract().asString();
        assertEquals(2, all.lines().count());
        problem(as(ACME_ADMIN).accept("application/x-ndjson").queryParam("outcome", "maybe")
                .get("/api/v1/audit/export").then(), 422, "validation-failed").body("errors[0].field", equalTo("outcome"));
        // the target is a prefix taken literally: % and _ are characters, not wildcards
        as(ACME_ADMIN).queryParam("target", "/api/v1/sims/" + iccid.substring(0, 10) + "%").get("/api/v1/audit")
                .then().statusCode(200).body("items", hasSize(0));
        as(ACME_ADMIN).queryParam("target", "/api/v1/sims/" + iccid.substring(0, 10) + "_")
                .get("/api/v1/audit").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void recordsAreAppendOnlyAndTamperingBreaksTheChain() {
        String iccid = TestSims.assignedTo("acme", 1).first();
        as(ACME_ADMIN).post("/api/v1/sims/" + iccid + "/activate").then().statusCode(200);
        as(ACME_ADMIN).get("/api/v1/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("chain", equalTo("acme")).body("records_checked", notNullValue());
        long id = trail(ACME_ADMIN, "/api/v1/sims/" + iccid).getLong("items[0].id");
        long seq = trail(ACME_ADMIN, "/api/v1/sims/" + iccid).getLong("items[0].seq");

        // The service's own database role may not write the trail at all, nor switch its guard off.
        for (String statement : List.of("UPDATE audit_records SET subject = 'mallory' WHERE id = $1",
                "DELETE FROM audit_records WHERE id = $1",
                "INSERT INTO audit_records (chain, at, subject, roles, mfa, action, method, target, outcome)"
                        + " SELECT 'acme', now(), 'mallory', '{}', false, 'x', 'GET', 'x', 'success' WHERE $1 > 0")) {
            PgException denied = assertThrows(PgException.class, () -> pool.preparedQuery(statement)
                    .execute(Tuple.of(id)).await().indefinitely(), statement);
            assertEquals("42501", denied.getSqlState(), statement);
        }
        PgException notOwner = assertThrows(PgException.class, () -> pool
                .query("ALTER TABLE audit_records DISABLE TRIGGER audit_records_no_update").execute()
                .await().indefinitely());
        assertEquals("42501", notOwner.getSqlState());

        tamper(id, "mallory");
        try {
            as(ACME_ADMIN).get("/api/v1/audit/verify").then().statusCode(200)
                    .body("intact", equalTo(false)).body("first_broken_seq", equalTo((int) seq));
            as(OPS).queryParam("chain", "acme").get("/api/v1/admin/audit/verify").then().statusCode(200)
                    .body("[0].intact", equalTo(false));
        } finally {
            tamper(id, "acme-admin");
        }
        as(ACME_ADMIN).get("/api/v1/audit/verify").then().body("intact", equalTo(true));
    }

    /** Replicas link at the same moments: every record is linked once, in one unbroken chain. */
    @Test
    void linkersRunningAtOnceLinkEveryRecordOnceIntoOneChain() {
        String chain = "link-race-" + UUID.randomUUID();
        int records = 500;
        // the four linkers below are the only ones: the service's own, every second, would take some of the records
        scheduler.pause();
        List<Integer> linked;
        try {
            pool.preparedQuery("SELECT audit_append($1, 'race', '{}', false, NULL, NULL, 'req-' || n, 'race', 'POST',"
                            + " 'x', 'success', 200, NULL) FROM generate_series(1, $2) n")
                    .execute(Tuple.of(chain, records)).await().indefinitely();
            linked = Multi.createFrom().range(0, 4).onItem()
                    .transformToUniAndMerge(i -> audit.link()).collect().asList().await().indefinitely();
        } finally {
            scheduler.resume();
        }
        Row counts = db.query(TestActors.allTenants(), "SELECT count(*) FILTER (WHERE hash IS NULL) AS unlinked,"
                        + " count(DISTINCT seq), max(seq) FROM audit_records WHERE chain = $1", Tuple.of(chain))
                .await().indefinitely().iterator().next();
        assertEquals(0L, counts.getLong("unlinked"));
        assertEquals(records, counts.getLong("count"));
        assertEquals(records, counts.getLong("max"));
        assertTrue(linked.stream().mapToInt(Integer::intValue).sum() >= records, "the other chains' records count too");
        AuditVerification verified = audit.verify(TestActors.allTenants(), chain).await().indefinitely();
        assertTrue(verified.intact());
        assertEquals(records, verified.recordsChecked());
    }

    /** What an attacker with the table owner's rights could do: switch the guard off, rewrite, switch it on. */
    private void tamper(long id, String subject) {
        Pool owner = OwnerDatabase.open(vertx);
        try {
            tamper(owner, id, subject);
        } finally {
            owner.closeAndAwait();
        }
    }

    private static void tamper(Pool owner, long id, String subject) {
        owner.withTransaction(tx -> tx.query("ALTER TABLE audit_records DISABLE TRIGGER audit_records_no_update").execute()
                .flatMap(v -> tx.preparedQuery("UPDATE audit_records SET subject = $2 WHERE id = $1")
                        .execute(Tuple.of(id, subject)))
                .flatMap(v -> tx.query("ALTER TABLE audit_records ENABLE TRIGGER audit_records_no_update").execute()))
                .await().indefinitely();
    }
}
