package io.cellgate.events;

import static io.cellgate.support.TenantEvents.awaitOfSim;
import static io.cellgate.support.TenantEvents.data;
import static io.cellgate.support.TenantEvents.ofSim;
import static io.cellgate.support.TenantEvents.types;
import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.ACME_OPERATOR;
import static io.cellgate.support.Api.ACME_VIEWER;
import static io.cellgate.support.Api.GLOBEX_ADMIN;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static io.cellgate.support.Api.problem;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.support.PublishedEventSchemas;
import io.cellgate.support.TenantEvents;
import io.cellgate.support.TestPools;
import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Events of the management plane's changes, as a tenant reads them: one per change, in the transaction of the change,
 * numbered per SIM in commit order, listed by cursor with filters, awaited by long polling, never another tenant's.
 */
@QuarkusTest
class EventsTest {

    @BeforeAll
    static void tenants() {
        ensureTenant("acme");
        ensureTenant("globex");
    }

    @Test
    void eachLifecycleChangeIsAnEventNumberedPerSimInCommitOrder() {
        String iccid = TestSims.assignedTo("acme", 1).first();
        for (String action : List.of("activate", "suspend", "resume")) {
            as(ACME_OPERATOR).post("/api/v1/sims/" + iccid + "/" + action).then().statusCode(200);
        }

        List<Map<String, Object>> events = awaitOfSim(ACME_VIEWER, iccid, 4);
        assertEquals(List.of("sim.status_changed", "sim.status_changed", "sim.status_changed", "sim.status_changed"),
                types(events));
        assertEquals(List.of(Map.of("previous_status", "stock", "status", "ready"),
                Map.of("previous_status", "ready", "status", "active"),
                Map.of("previous_status", "active", "status", "suspended"),
                Map.of("previous_status", "suspended", "status", "active")),
                events.stream().map(TenantEvents::data).toList());
        assertEquals(LongStream.rangeClosed(1, 4).boxed().toList(),
                events.stream().map(e -> ((Number) e.get("sequence")).longValue()).toList());
        events.forEach(e -> {
            assertEquals("acme", e.get("tenant_id"));
            assertEquals(iccid, e.get("iccid"));
        });
        assertEquals(4, events.stream().map(e -> e.get("id")).distinct().count(), "each event has its own id");
    }

    @Test
    void aRefusedChangeIsNoEvent() {
        String iccid = TestSims.assignedTo("acme", 1).first();
        problem(as(ACME_OPERATOR).post("/api/v1/sims/" + iccid + "/resume").then(), 409, "illegal-transition");
        as(ACME_OPERATOR).post("/api/v1/sims/" + iccid + "/activate").then().statusCode(200);

        assertEquals(List.of("ready", "active"), awaitOfSim(ACME_VIEWER, iccid, 2).stream()
                .map(e -> data(e).get("status")).toList());
    }

    @Test
    void policyStaticIpAndImeiLockChangesAreEvents() {
        String iccid = TestSims.assignedTo("acme", 1).first();
        as(ACME_ADMIN).header("If-Match", "*").body(Map.of("overrides", Map.of("limits", Map.of("data_bytes",
                        Map.of("limit", 5_000_000, "action", "block")))))
                .patch("/api/v1/sims/" + iccid + "/policy").then().statusCode(200);
        String pool = TestPools.newPool("acme", 28).getString("id");
        String address = as(ACME_OPERATOR).body(Map.of("pool_id", pool)).put("/api/v1/sims/" + iccid + "/ip-address")
                .then().statusCode(200).extract().path("address");
        as(ACME_OPERATOR).header("If-Match", "*").body(Map.of("mode", "locked", "imei", "356938035643809"))
                .put("/api/v1/sims/" + iccid + "/imei-lock").then().statusCode(200);

        List<Map<String, Object>> events = awaitOfSim(ACME_VIEWER, iccid, 5);
        assertEquals(List.of("sim.status_changed", "sim.policy_changed", "sim.ip_changed", "sim.policy_changed",
                "sim.imei_locked"), types(events));
        assertEquals(List.of("limits"), data(events.get(1)).get("changed"));
        assertEquals(Map.of("ip_address", address), data(events.get(2)));
        assertEquals(List.of("imei_lock"), data(events.get(3)).get("changed"));
        assertEquals(Map.of("imei", "356938035643809", "previous_mode", "off"), data(events.get(4)));
    }

    @Test
    void aProfileChangeReachesEverySimThatFollowsIt() {
        TestSims sims = TestSims.assignedTo("acme", 3);
        String profile = as(ACME_ADMIN).body(Map.of("name", "events-" + sims.prefix, "policy", Map.of()))
                .post("/api/v1/service-profiles").then().statusCode(201).extract().path("id");
        for (String iccid : sims.iccids) {
            as(ACME_ADMIN).header("If-Match", "*").body(Map.of("service_profile_id", profile))
                    .patch("/api/v1/sims/" + iccid + "/policy").then().statusCode(200);
        }
        as(ACME_ADMIN).header("If-Match", "*").body(Map.of("policy", Map.of("sms", Map.of("mo_enabled", false))))
                .patch("/api/v1/service-profiles/" + profile).then().statusCode(200);

        for (String iccid : sims.iccids) {
            List<Map<String, Object>> events = awaitOfSim(ACME_VIEWER, iccid, 3);
            assertEquals(profile, data(events.get(1)).get("profile_id"), "it chose the profile");
            assertEquals(Map.of("previous_profile_id", profile, "profile_id", profile, "changed", List.of("sms")),
                    data(events.get(2)), "the profile changed");
        }
    }

    @Test
    void aBulkActionIsOneEventPerSimAndAJobCompleted() {
        TestSims sims = TestSims.assignedTo("acme", 30);
        String job = as(ACME_OPERATOR).body(Map.of("action", "activate", "iccids", sims.iccids))
                .post("/api/v1/sims/bulk-actions").then().statusCode(202).extract().path("id");

        for (String iccid : sims.iccids) {
            assertEquals("active", data(awaitOfSim(ACME_VIEWER, iccid, 2).get(1)).get("status"));
        }
        List<Map<String, Object>> completed = List.of();
        String cursor = null;
        for (int page = 0; page < 100 && completed.isEmpty(); page++) {
            var request = as(ACME_VIEWER).queryParam("type", "job.completed").queryParam("limit", 1000);
            JsonPath found = (cursor == null ? request : request.queryParam("cursor", cursor)).get("/api/v1/events")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = found.getList("items");
            completed = items.stream().filter(e -> job.equals(data(e).get("job_id"))).toList();
            cursor = found.getString("next_cursor");
        }
        assertEquals(1, completed.size(), "one job.completed for the job");
        PublishedEventSchemas.assertConforms(completed.get(0));
        assertEquals(30, data(completed.get(0)).get("succeeded"));
        assertEquals(0, data(completed.get(0)).get("failed"));
        assertEquals("activate", data(completed.get(0)).get("action"));
    }

    @Test
    void theListResumesFromItsCursorAndFiltersByTypeAndTime() {
        String iccid = TestSims.assignedTo("acme", 1).first();
        as(ACME_OPERATOR).post("/api/v1/sims/" + iccid + "/activate").then().statusCode(200);
        as(ACME_ADMIN).header("If-Match", "*").body(Map.of("overrides", Map.of("voice", Map.of("enabled", true))))
                .patch("/api/v1/sims/" + iccid + "/policy").then().statusCode(200);
        as(ACME_OPERATOR).post("/api/v1/sims/" + iccid + "/suspend").then().statusCode(200);
        List<Map<String, Object>> all = awaitOfSim(ACME_VIEWER, iccid, 4);

        JsonPath first = as(ACME_VIEWER).queryParam("iccid", iccid).queryParam("limit", 3).get("/api/v1/events")
                .then().statusCode(200).body("has_more", equalTo(true)).extract().jsonPath();
        assertEquals(all.subList(0, 3), first.getList("items"));
        JsonPath rest = as(ACME_VIEWER).queryParam("iccid", iccid).queryParam("cursor", first.getString("next_cursor"))
                .get("/api/v1/events").then().statusCode(200).body("has_more", equalTo(false)).extract().jsonPath();
        assertEquals(all.subList(3, 4), rest.getList("items"));
        as(ACME_VIEWER).queryParam("iccid", iccid).queryParam("cursor", rest.getString("next_cursor"))
                .get("/api/v1/events").then().statusCode(200).body("items", empty())
                .body("has_more", equalTo(false)).body("next_cursor", notNullValue());

        List<Object> policyOnly = as(ACME_VIEWER).queryParam("iccid", iccid).queryParam("type", "sim.policy_changed")
                .get("/api/v1/events").then().statusCode(200).extract().jsonPath().getList("items.type");
        assertEquals(List.of("sim.policy_changed"), policyOnly);
        assertEquals(4, as(ACME_VIEWER).queryParam("iccid", iccid).queryParam("type", "sim.policy_changed")
                .queryParam("type", "sim.status_changed").get("/api/v1/events").then().statusCode(200)
                .extract().jsonPath().getList("items").size(), "types repeat");
        as(ACME_VIEWER).queryParam("iccid", iccid).queryParam("since", Instant.now().plusSeconds(60).toString())
                .get("/api/v1/events").then().statusCode(200).body("items", empty());
        as(ACME_VIEWER).queryParam("iccid", iccid).queryParam("since", all.get(3).get("timestamp"))
                .get("/api/v1/events").then().statusCode(200).body("items.id", equalTo(List.of(all.get(3).get("id"))));
    }

    @Test
    void aLongPollWaitsForTheNextEventAndAnEmptyOneMovesItsCursorPastWhatItRead() throws Exception {
        String iccid = TestSims.assignedTo("acme", 1).first();
        String cursor = cursorAfterFirstEvent(iccid);
        // other SIMs' events, which this reader's filter does not take: its cursor moves past them
        TestSims others = TestSims.assignedTo("acme", 3);
        awaitOfSim(ACME_VIEWER, others.iccids.get(2), 1);
        String moved = as(ACME_VIEWER).queryParam("iccid", iccid).queryParam("cursor", cursor).queryParam("wait", 1)
                .get("/api/v1/events").then().statusCode(200).body("items", empty())
                .extract().path("next_cursor");
        assertNotEquals(cursor, moved, "an empty page's cursor is after the events it scanned");

        CompletableFuture<JsonPath> waiting = CompletableFuture.supplyAsync(() -> as(ACME_VIEWER)
                .queryParam("iccid", iccid).queryParam("cursor", moved).queryParam("wait", 30)
                .get("/api/v1/events").then().statusCode(200).extract().jsonPath());
        as(ACME_OPERATOR).post("/api/v1/sims/" + iccid + "/activate").then().statusCode(200);

        JsonPath answered = waiting.get();
        assertEquals(List.of("active"), answered.getList("items.data.status"));
    }

    @Test
    void theStreamSendsEventsAsTheyCommitAndResumesAfterTheLastEventId() throws Exception {
        String iccid = TestSims.assignedTo("acme", 1).first();
        String cursor = cursorAfterFirstEvent(iccid);

        String lastId;
        try (EventStream stream = EventStream.open(ACME_VIEWER, "iccid=" + iccid + "&cursor=" + cursor, null)) {
            as(ACME_OPERATOR).post("/api/v1/sims/" + iccid + "/activate").then().statusCode(200);
            EventStream.Received activated = stream.next();
            assertEquals("sim.status_changed", activated.name());
            assertEquals("active", data(activated.event()).get("status"));
            PublishedEventSchemas.assertConforms(activated.event());
            lastId = activated.id();
        }
        as(ACME_OPERATOR).post("/api/v1/sims/" + iccid + "/suspend").then().statusCode(200);
        try (EventStream resumed = EventStream.open(ACME_VIEWER, "iccid=" + iccid, lastId)) {
            assertEquals("suspended", data(resumed.next().event()).get("status"), "it resumes after Last-Event-ID");
        }
    }

    @Test
    void anotherTenantsEventsAreNeverVisible() {
        String iccid = TestSims.assignedTo("acme", 1).first();
        awaitOfSim(ACME_VIEWER, iccid, 1);

        as(GLOBEX_ADMIN).queryParam("iccid", iccid).get("/api/v1/events").then().statusCode(200)
                .body("items", empty());
        List<Object> tenants = as(GLOBEX_ADMIN).queryParam("limit", 1000).get("/api/v1/events").then()
                .statusCode(200).extract().jsonPath().getList("items.tenant_id");
        assertTrue(tenants.stream().allMatch("globex"::equals), "globex sees its own events only");
        problem(as(OPS).get("/api/v1/events").then(), 403, "forbidden");
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        problem(as(ACME_VIEWER).queryParam("type", "sim.exploded").get("/api/v1/events").then(), 422,
                "validation-failed").body("errors[0].field", equalTo("type"));
        problem(as(ACME_VIEWER).queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/v1/events").then(), 422,
                "validation-failed").body("errors[0].field", equalTo("cursor"));
        problem(as(ACME_VIEWER).queryParam("wait", 61).get("/api/v1/events").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("wait"));
        problem(as(ACME_VIEWER).queryParam("since", "yesterday").get("/api/v1/events").then(), 422,
                "validation-failed").body("errors[0].field", equalTo("since"));
        problem(as(ACME_VIEWER).queryParam("iccid", "1234").get("/api/v1/events").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("iccid"));
    }

    @Test
    void aRefusedAssignmentOverTheSimQuotaIsAnnouncedToTheTenant() {
        Integer before = as(OPS).get("/api/v1/admin/tenants/acme").then().statusCode(200).extract()
                .path("quotas.max_sims");
        TestSims sims = TestSims.inStock(1);
        String start = Instant.now().toString();
        as(OPS).body(Map.of("quotas", Map.of("max_sims", 0))).patch("/api/v1/admin/tenants/acme").then()
                .statusCode(200);
        try {
            problem(as(OPS).body(Map.of("tenant_id", "acme", "iccids", sims.iccids)).post("/api/v1/admin/sims/assign")
                    .then(), 409, "quota-exceeded");
        } finally {
            as(OPS).body(Map.of("quotas", Map.of("max_sims", before == null ? 100_000_000 : before)))
                    .patch("/api/v1/admin/tenants/acme").then().statusCode(200);
        }

        JsonPath announced = as(ACME_VIEWER).queryParam("type", "tenant.quota_breached").queryParam("since", start)
                .queryParam("wait", 10).get("/api/v1/events").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = announced.getList("items");
        assertFalse(items.isEmpty(), "the refusal is announced");
        PublishedEventSchemas.assertConforms(items.get(0));
        assertEquals("max_sims", data(items.get(0)).get("quota"));
        assertEquals(0, data(items.get(0)).get("limit"));
        assertEquals(1, data(items.get(0)).get("requested"));
        assertFalse(items.get(0).containsKey("iccid"));
        assertEquals(0, ofSim(ACME_VIEWER, sims.first()).size(), "the refused SIM had no event at acme");
    }

    /** The cursor after a new SIM's first event (its assignment). */
    private static String cursorAfterFirstEvent(String iccid) {
        awaitOfSim(ACME_VIEWER, iccid, 1);
        return as(ACME_VIEWER).queryParam("iccid", iccid).get("/api/v1/events").then().statusCode(200)
                .extract().path("next_cursor");
    }
}
