package io.cellgate.network.charging;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.ACME_OPERATOR;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.common.Actor;
import io.cellgate.common.Origin;
import io.cellgate.ports.ChargingPort;
import io.cellgate.support.Api;
import io.cellgate.support.Nchf;
import io.cellgate.support.OwnerDatabase;
import io.cellgate.support.PrometheusMetrics;
import io.cellgate.support.TenantEvents;
import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A core network function (the demo SMF/SMSF/IMS client, with a real client-credentials token) asks online charging
 * before it serves: voice only with allowed numbers, SMS by the policy's switches and P2P blocking, grants within
 * what is left of the limits, retried requests counted once.
 */
@QuarkusTest
class OnlineChargingTest {
    static final long VOICE = 100;
    static final long SMS = 200;
    static final long DATA = 300;
    /** The tenant's A2P addresses, as SmsTest sets them. */
    static final List<String> ACME_A2P = List.of("ACMETEST", "+4915550199");

    @BeforeAll
    static void network() {
        Api.ensureTenant("acme");
        as(OPS).body(Map.of("sms_addresses", ACME_A2P)).patch("/api/v1/admin/tenants/acme").then().statusCode(200);
        as(OPS).body(Map.of("name", "demo-core", "client_id", Nchf.FUNCTION_CLIENT))
                .post("/api/v1/admin/charging-functions");
        for (Map.Entry<Long, String> group : Map.of(VOICE, "voice", SMS, "sms", DATA, "data").entrySet()) {
            as(OPS).body(Map.of("service", group.getValue(), "description", "tests"))
                    .put("/api/v1/admin/rating-groups/" + group.getKey()).then().statusCode(200);
        }
    }

    /** An active SIM of acme with these policy overrides; answers its IMSI and ICCID. */
    static Map<String, Object> sim(Map<String, Object> overrides) {
        TestSims sims = TestSims.assignedTo("acme", 1);
        String iccid = sims.first();
        as(ACME_OPERATOR).header("If-Match", "*").body(Map.of("overrides", overrides))
                .patch("/api/v1/sims/" + iccid + "/policy").then().statusCode(200);
        as(ACME_OPERATOR).post("/api/v1/sims/" + iccid + "/activate").then().statusCode(200);
        return Map.of("iccid", iccid, "imsi", sims.rows.get(0).get("imsi"));
    }

    static long usage(String iccid, String counter) {
        return as(ACME_ADMIN).get("/api/v1/sims/" + iccid + "/usage").then().statusCode(200).extract()
                .jsonPath().getLong("usage." + counter);
    }

    @Test
    void aCallToAnAllowedNumberIsGrantedItsUsedSecondsCountOnceAndOtherNumbersAreRefused() {
        double deniedBefore = PrometheusMetrics.sum("cellgate_charging_units_total",
                Map.of("service", "voice", "result", "END_USER_SERVICE_DENIED"));
        Map<String, Object> sim = sim(Map.of("voice", Map.of("enabled", true, "allowed_numbers", List.of("+4940123")),
                "limits", Map.of("voice_seconds", Map.of("limit", 3600))));
        String imsi = (String) sim.get("imsi");
        String iccid = (String) sim.get("iccid");

        Response created = Nchf.create(Nchf.call(Nchf.unit(Nchf.request(imsi, 1, "IMS_NODE"), VOICE,
                Map.of("time", 120), null), true, "tel:+49401234567"));
        created.then().statusCode(201).header("Location", containsString(Nchf.ROOT + "/"))
                .body("invocationSequenceNumber", equalTo(1))
                .body("multipleUnitInformation[0].resultCode", equalTo("SUCCESS"))
                .body("multipleUnitInformation[0].ratingGroup", equalTo((int) VOICE))
                .body("multipleUnitInformation[0].grantedUnit.time", equalTo(120))
                .body("multipleUnitInformation[0].validityTime", equalTo(4))
                .body("multipleUnitInformation[0].finalUnitIndication", nullValue());
        String ref = Nchf.ref(created);

        Map<String, Object> update = Nchf.call(Nchf.unit(Nchf.request(imsi, 2, "IMS_NODE"), VOICE,
                Map.of("time", 120), Map.of("time", 100)), true, "tel:+49401234567");
        String first = Nchf.update(ref, update).then().statusCode(200)
                .body("multipleUnitInformation[0].grantedUnit.time", equalTo(120)).extract().asString();
        String again = Nchf.update(ref, update).then().statusCode(200).extract().asString();
        assertEquals(JsonPath.from(first).getMap("multipleUnitInformation[0]"),
                JsonPath.from(again).getMap("multipleUnitInformation[0]"), "a retried update gets the same answer");
        assertEquals(100, usage(iccid, "voice_seconds"), "and is counted once");

        Nchf.update(ref, Nchf.unit(Nchf.request(imsi, 1, "IMS_NODE"), VOICE, Map.of("time", 60), null)).then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("cause", equalTo("MANDATORY_IE_INCORRECT"))
                .body("invalidParams[0].param", equalTo("invocationSequenceNumber"));
        Nchf.release(ref, Nchf.unit(Nchf.request(imsi, 3, "IMS_NODE"), VOICE, null, Map.of("time", 50)))
                .then().statusCode(204);
        assertEquals(150, usage(iccid, "voice_seconds"));
        Nchf.update(ref, Nchf.unit(Nchf.request(imsi, 4, "IMS_NODE"), VOICE, Map.of("time", 60), null)).then()
                .statusCode(404).body("cause", equalTo("CONTEXT_NOT_FOUND"));

        Nchf.create(Nchf.call(Nchf.unit(Nchf.request(imsi, 1, "IMS_NODE"), VOICE, Map.of("time", 60), null),
                        false, "sip:+4930999888@ims.example;user=phone")).then().statusCode(201)
                .body("multipleUnitInformation[0].resultCode", equalTo("END_USER_SERVICE_DENIED"))
                .body("multipleUnitInformation[0].grantedUnit", nullValue());
        Map<String, Object> denied = TenantEvents.awaitOfType(ACME_ADMIN, iccid, "charging.denied").get(0);
        assertEquals(Map.of("service", "voice", "reason", "number_not_allowed", "rating_group", (int) VOICE,
                "counterpart", "+4930999888"), TenantEvents.data(denied));
        assertEquals(deniedBefore + 1, PrometheusMetrics.sum("cellgate_charging_units_total",
                Map.of("service", "voice", "result", "END_USER_SERVICE_DENIED")));
    }

    @Test
    void concurrentSessionsOfOneSimTogetherNeverGetMoreThanIsLeft() throws Exception {
        Map<String, Object> sim = sim(Map.of("voice", Map.of("enabled", true),
                "limits", Map.of("voice_seconds", Map.of("limit", 1000), "data_bytes", Map.of("limit", 10_000_000))));
        String imsi = (String) sim.get("imsi");
        List<java.util.concurrent.Callable<JsonPath>> sessions = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sessions.add(() -> Nchf.create(Nchf.call(Nchf.unit(Nchf.unit(Nchf.request(imsi, 1, "SMF"), VOICE,
                            Map.of("time", 60), null), DATA, Map.of("totalVolume", 700_000), null), true, "+4940555"))
                    .then().statusCode(201).extract().jsonPath());
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        long voice = 0;
        long data = 0;
        int finals = 0;
        try {
            for (java.util.concurrent.Future<JsonPath> answer : pool.invokeAll(sessions)) {
                JsonPath body = answer.get();
                for (Map<String, Object> unit : body.<Map<String, Object>>getList("multipleUnitInformation")) {
                    Object granted = unit.get("grantedUnit");
                    if (granted instanceof Map<?, ?> units) {
                        voice += units.get("time") == null ? 0 : ((Number) units.get("time")).longValue();
                        data += units.get("totalVolume") == null ? 0 : ((Number) units.get("totalVolume")).longValue();
                    }
                    finals += unit.get("finalUnitIndication") == null ? 0 : 1;
                }
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1000, voice, "the whole voice limit is granted, and no second more");
        assertEquals(10_000_000, data, "the whole data limit is granted, and no byte more");
        assertEquals(2, finals, "each last grant says it is the last (TERMINATE)");
    }

    @Test
    void aReservationWhoseFunctionStopsReportingExpiresAndItsUnitsReturn() {
        Map<String, Object> sim = sim(Map.of("voice", Map.of("enabled", true),
                "limits", Map.of("voice_seconds", Map.of("limit", 100))));
        String imsi = (String) sim.get("imsi");
        Nchf.create(Nchf.unit(Nchf.request(imsi, 1, "IMS_NODE"), VOICE, Map.of("time", 100), null)).then()
                .statusCode(201).body("multipleUnitInformation[0].grantedUnit.time", equalTo(100))
                .body("multipleUnitInformation[0].finalUnitIndication.finalUnitAction", equalTo("TERMINATE"));
        Nchf.create(Nchf.unit(Nchf.request(imsi, 1, "IMS_NODE"), VOICE, Map.of("time", 50), null)).then()
                .statusCode(201).body("multipleUnitInformation[0].resultCode", equalTo("QUOTA_LIMIT_REACHED"))
                .body("multipleUnitInformation[0].grantedUnit", nullValue());
        // the first session's function never reports: its 100 seconds are free again once its validity (4 s) passes
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).until(() -> Nchf.create(
                        Nchf.unit(Nchf.request(imsi, 1, "IMS_NODE"), VOICE, Map.of("time", 50), null))
                .then().statusCode(201).extract().jsonPath().getString("multipleUnitInformation[0].resultCode"),
                equalTo("SUCCESS"));
    }

    @Test
    void personToPersonSmsIsRefusedWhileBlockedTheTenantsA2pAddressesPassAndMoMtFollowTheirSwitches() {
        Map<String, Object> sim = sim(Map.of("limits", Map.of("sms_count", Map.of("limit", 10))));
        String imsi = (String) sim.get("imsi");
        String iccid = (String) sim.get("iccid");
        // MT from the tenant's own A2P number (what Cellgate's SMPP bind sends from): an immediate, counted event
        Map<String, Object> a2p = Nchf.sms(Nchf.unit(Nchf.request(imsi, 1, "SMSF"), SMS,
                Map.of("serviceSpecificUnits", 1), null), imsi, false, "+4915550199");
        a2p.put("oneTimeEvent", true);
        Nchf.create(a2p).then().statusCode(201)
                .body("multipleUnitInformation[0].resultCode", equalTo("SUCCESS"))
                .body("multipleUnitInformation[0].grantedUnit.serviceSpecificUnits", equalTo(1))
                .body("multipleUnitInformation[0].validityTime", nullValue());
        assertEquals(1, usage(iccid, "sms_mt"));
        Nchf.create(Nchf.sms(Nchf.unit(Nchf.request(imsi, 1, "SMSF"), SMS, Map.of("serviceSpecificUnits", 1), null),
                        imsi, false, "+4917012345678")).then().statusCode(201)
                .body("multipleUnitInformation[0].resultCode", equalTo("END_USER_SERVICE_DENIED"));
        Nchf.create(Nchf.sms(Nchf.unit(Nchf.request(imsi, 1, "SMSF"), SMS, Map.of("serviceSpecificUnits", 1), null),
                        imsi, true, "+4917012345678")).then().statusCode(201)
                .body("multipleUnitInformation[0].resultCode", equalTo("END_USER_SERVICE_DENIED"));
        assertEquals(List.of("p2p_sms_blocked", "p2p_sms_blocked"), TenantEvents.awaitOfType(ACME_ADMIN, iccid,
                "charging.denied").stream().map(event -> TenantEvents.data(event).get("reason")).toList());

        // P2P allowed, MO switched off: a message from the device is refused, one to it is not
        as(ACME_OPERATOR).header("If-Match", "*").body(Map.of("overrides", Map.of("sms", Map.of("p2p_blocked", false,
                "mo_enabled", false)))).patch("/api/v1/sims/" + iccid + "/policy").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Nchf.create(Nchf.sms(Nchf.unit(
                        Nchf.request(imsi, 1, "SMSF"), SMS, Map.of("serviceSpecificUnits", 1), null), imsi, false,
                        "+4917012345678")).then().statusCode(201).extract().jsonPath()
                .getString("multipleUnitInformation[0].resultCode"), equalTo("SUCCESS"));
        Nchf.create(Nchf.sms(Nchf.unit(Nchf.request(imsi, 1, "SMSF"), SMS, Map.of("serviceSpecificUnits", 1), null),
                        imsi, true, "+4917012345678")).then().statusCode(201)
                .body("multipleUnitInformation[0].resultCode", equalTo("END_USER_SERVICE_DENIED"));
        List<Map<String, Object>> denials = TenantEvents.awaitOfType(ACME_ADMIN, iccid, "charging.denied");
        assertEquals("sms_mo_disabled", TenantEvents.data(denials.get(denials.size() - 1)).get("reason"));
    }

    @Test
    void aFunctionSpeakingHttp2CleartextIsAnsweredOverHttp2() throws Exception {
        String imsi = (String) sim(Map.of("voice", Map.of("enabled", true))).get("imsi");
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                Nchf.unit(Nchf.request(imsi, 1, "IMS_NODE"), VOICE, Map.of("time", 30), null));
        int port = Nchf.port();
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2).build();
        // the connection is upgraded to h2c by a first request without a body, as clients do
        client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                + "/q/health/live")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        java.net.http.HttpResponse<String> answer = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + Nchf.ROOT))
                .header("Authorization", "Bearer " + io.cellgate.support.Tokens.of(Nchf.FUNCTION_CLIENT))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, answer.statusCode(), answer.body());
        assertEquals(java.net.http.HttpClient.Version.HTTP_2, answer.version());
    }

    @Inject
    ChargingPort charging;
    @Inject
    Vertx vertx;

    @Test
    void aSessionWhoseFunctionWentAwayIsReleasedOnceItsReservationsHaveExpired() {
        String imsi = (String) sim(Map.of("voice", Map.of("enabled", true))).get("imsi");
        String ref = Nchf.ref(Nchf.create(Nchf.unit(Nchf.request(imsi, 1, "IMS_NODE"), VOICE, Map.of("time", 30),
                null)).then().statusCode(201).extract().response());
        Actor upkeep = Actor.networkFunction("test-upkeep", Origin.system("test-upkeep"));
        charging.releaseIdle(upkeep, Duration.ofHours(1)).await().indefinitely();
        assertTrue(live(ref), "a session updated within the idle time stays");
        // its reservation lasts 4 s (the tests' validity); released once expired and idle for 1 s
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            charging.releaseIdle(upkeep, Duration.ofSeconds(1)).await().indefinitely();
            return !live(ref);
        });
        Nchf.update(ref, Nchf.unit(Nchf.request(imsi, 2, "IMS_NODE"), VOICE, Map.of("time", 30), null)).then()
                .statusCode(404);
    }

    private boolean live(String ref) {
        Pool owner = OwnerDatabase.open(vertx);
        try {
            return owner.preparedQuery("SELECT released_at IS NULL AS live FROM charging_sessions WHERE ref = $1::uuid")
                    .execute(Tuple.of(ref)).await().indefinitely().iterator().next().getBoolean("live");
        } finally {
            owner.close().await().indefinitely();
        }
    }
}
