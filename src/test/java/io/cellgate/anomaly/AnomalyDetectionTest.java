package io.cellgate.anomaly;

import static io.cellgate.support.Api.ACME_VIEWER;
import static io.cellgate.support.Api.GLOBEX_ADMIN;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static io.cellgate.support.Api.problem;
import static io.cellgate.support.TenantEvents.awaitOfType;
import static io.cellgate.support.TenantEvents.data;
import static io.cellgate.support.TenantEvents.ofSim;
import static io.cellgate.support.TenantEvents.types;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.cellgate.support.OwnerDatabase;
import io.cellgate.support.Radclient;
import io.cellgate.support.TestNas;
import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The anomaly rules of a tenant, set through the API and fed by a real NAS client (radclient): a device swap, a burst
 * of refused requests that suspends the SIM, an unexpected radio access type and APN, and a day's data usage far above
 * the SIM's own baseline. Each anomaly is read as the tenant reads it, an anomaly.detected event checked against the
 * contract.
 */
@QuarkusTest
class AnomalyDetectionTest {
    private static final String TENANT = "globex";
    private static final String DEVICE = "3569380356438091";
    private static final String OTHER_DEVICE = "4901542032375181";
    private static final String APN = "iot.globex";

    @Inject
    Vertx vertx;

    @BeforeAll
    static void tenant() {
        ensureTenant(TENANT);
    }

    @AfterEach
    void defaultRules() {
        Map<String, Object> reset = new HashMap<>();
        for (AnomalyRule rule : AnomalyRule.values()) {
            reset.put(rule.apiName(), null);
        }
        as(GLOBEX_ADMIN).body(reset).patch("/api/v1/anomaly-rules").then().statusCode(200);
    }

    @Test
    void everyRuleIsOnByDefaultAndATenantAdminChangesOnlyWhatItPatches() {
        String start = Instant.now().minusSeconds(1).toString();
        as(GLOBEX_ADMIN).get("/api/v1/anomaly-rules").then().statusCode(200)
                .body("device_swap.enabled", equalTo(true)).body("device_swap.action", equalTo("notify"))
                .body("auth_reject_burst.threshold", equalTo(10))
                .body("auth_reject_burst.window_seconds", equalTo(300))
                .body("data_usage_spike.multiplier", equalTo(5))
                .body("data_usage_spike.baseline_days", equalTo(14))
                .body("unexpected_rat_type.expected", equalTo(List.of()))
                .body("unexpected_apn.enabled", equalTo(true));
        as(GLOBEX_ADMIN).body(Map.of("auth_reject_burst", Map.of("threshold", 4, "action", "suspend"),
                        "unexpected_rat_type", Map.of("expected", List.of(8, 9))))
                .patch("/api/v1/anomaly-rules").then().statusCode(200)
                .body("auth_reject_burst.threshold", equalTo(4))
                .body("auth_reject_burst.action", equalTo("suspend"))
                .body("auth_reject_burst.window_seconds", equalTo(300))
                .body("unexpected_rat_type.expected", equalTo(List.of(8, 9)))
                .body("updated_at", notNullValue());
        as(ACME_VIEWER).get("/api/v1/anomaly-rules").then().statusCode(200)
                .body("auth_reject_burst.threshold", equalTo(10)).body("auth_reject_burst.action", equalTo("notify"));
        Map<String, Object> back = new HashMap<>();
        back.put("threshold", null);
        as(GLOBEX_ADMIN).body(Map.of("auth_reject_burst", back)).patch("/api/v1/anomaly-rules").then().statusCode(200)
                .body("auth_reject_burst.threshold", equalTo(10))
                .body("auth_reject_burst.action", equalTo("suspend"));
        as(GLOBEX_ADMIN).queryParam("action", "updateAnomalyRules").queryParam("from", start).get("/api/v1/audit")
                .then().statusCode(200)
                .body("items[0].changes.after.anomaly_rules.auth_reject_burst.action", equalTo("suspend"))
                .body("items[0].changes.after.anomaly_rules.unexpected_rat_type.expected", equalTo(List.of(8, 9)));
    }

    @Test
    void invalidRulesAreRefusedNamingTheFieldAndOnlyAdminsChangeThem() {
        Map<Map<String, Object>, String> invalid = Map.of(
                Map.of("auth_reject_burst", Map.of("threshold", 1)), "auth_reject_burst.threshold",
                Map.of("data_usage_spike", Map.of("multiplier", 1_000_000)), "data_usage_spike.multiplier",
                Map.of("no_such_rule", Map.of()), "no_such_rule",
                Map.of("device_swap", Map.of("colour", "red")), "device_swap.colour",
                Map.of("device_swap", Map.of("action", "explode")), "device_swap.action",
                Map.of("device_swap", Map.of("enabled", "yes")), "device_swap.enabled",
                Map.of("unexpected_apn", Map.of("expected", List.of("not an apn!"))), "unexpected_apn.expected",
                Map.of("unexpected_rat_type", Map.of("expected", List.of(256))), "unexpected_rat_type.expected");
        invalid.forEach((patch, field) -> problem(as(GLOBEX_ADMIN).body(patch).patch("/api/v1/anomaly-rules").then(),
                422, "validation-failed").body("errors[0].field", equalTo(field)));
        problem(as(ACME_VIEWER).body(Map.of("device_swap", Map.of("enabled", false)))
                .patch("/api/v1/anomaly-rules").then(), 403, "forbidden");
    }

    @Test
    void aSessionFromAnotherDeviceIsADeviceSwap() {
        Map<String, Object> sim = activeSim();
        session(sim, DEVICE, APN, 6);
        session(sim, DEVICE.substring(0, 14) + "99", APN, 6);
        session(sim, OTHER_DEVICE, APN, 6);

        Map<String, Object> anomaly = the(awaitOfType(GLOBEX_ADMIN, iccid(sim), "anomaly.detected"));
        assertEquals("device_swap", anomaly.get("rule"), "a new software version of the device is no swap");
        assertEquals("notify", anomaly.get("action"));
        assertEquals(false, anomaly.get("suspended"));
        assertEquals(OTHER_DEVICE, evidence(anomaly).get("imei"));
        assertEquals(DEVICE.substring(0, 14) + "99", evidence(anomaly).get("previous_imei"));
        String started = (String) ofSim(GLOBEX_ADMIN, iccid(sim)).stream()
                .filter(e -> "session.started".equals(e.get("type"))).toList().get(2).get("id");
        assertEquals(started, anomaly.get("cause_event_id"));
    }

    @Test
    void aBurstOfRefusalsSuspendsTheSimWhenTheRuleSaysSoAsTheAnomalyDetector() {
        as(GLOBEX_ADMIN).body(Map.of("auth_reject_burst", Map.of("threshold", 3, "window_seconds", 60,
                "action", "suspend"))).patch("/api/v1/anomaly-rules").then().statusCode(200);
        Map<String, Object> sim = activeSim();
        as(GLOBEX_ADMIN).header("If-Match", "*").body(Map.of("mode", "locked", "imei", "356938035643809"))
                .put("/api/v1/sims/" + iccid(sim) + "/imei-lock").then().statusCode(200);
        String secret = TestNas.secret();
        for (int i = 0; i < 3; i++) {
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
                Radclient.Reply reply = Radclient.auth(secret, accessRequest(sim, OTHER_DEVICE));
                return reply != null && "Access-Reject".equals(reply.code());
            });
        }

        Map<String, Object> anomaly = the(awaitOfType(GLOBEX_ADMIN, iccid(sim), "anomaly.detected"));
        assertEquals("auth_reject_burst", anomaly.get("rule"));
        assertEquals("suspend", anomaly.get("action"));
        assertEquals(true, anomaly.get("suspended"));
        assertEquals("anomaly-detector", anomaly.get("suspended_by"));
        assertEquals(3, evidence(anomaly).get("rejects"));
        assertEquals(60, evidence(anomaly).get("window_seconds"));
        assertEquals("imei_mismatch", evidence(anomaly).get("reason"));
        List<Object> types = types(ofSim(GLOBEX_ADMIN, iccid(sim)));
        assertEquals("sim.status_changed", types.get(types.indexOf("anomaly.detected") - 1),
                "the suspension, then the anomaly that caused it: " + types);

        as(GLOBEX_ADMIN).get("/api/v1/sims/" + iccid(sim)).then().statusCode(200).body("status", equalTo("suspended"));
        as(GLOBEX_ADMIN).get("/api/v1/sims/" + iccid(sim) + "/history").then().statusCode(200)
                .body("items.find { it.action == 'suspend' }.actor", equalTo("anomaly-detector"));
        as(GLOBEX_ADMIN).queryParam("subject", "anomaly-detector").queryParam("limit", 1000).get("/api/v1/audit")
                .then().statusCode(200)
                .body("items.find { it.changes.after.iccid == '" + iccid(sim) + "' }.changes.after.status",
                        equalTo("suspended"))
                .body("items.find { it.changes.after.iccid == '" + iccid(sim) + "' }.changes.after.anomaly",
                        equalTo("auth_reject_burst"));
        // the suspended SIM's modem goes on asking: refused as not active, which is no burst
        Radclient.auth(secret, accessRequest(sim, OTHER_DEVICE));
        Radclient.auth(secret, accessRequest(sim, OTHER_DEVICE));
        Radclient.auth(secret, accessRequest(sim, OTHER_DEVICE));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ofSim(GLOBEX_ADMIN, iccid(sim)).stream()
                .filter(e -> "auth.rejected".equals(e.get("type"))
                        && "sim_not_active".equals(data(e).get("reason"))).count() == 3);
        the(awaitOfType(GLOBEX_ADMIN, iccid(sim), "anomaly.detected"));
    }

    @Test
    void aSessionFromAnotherRadioAccessTypeOrAnApnOutsideTheListIsUnexpected() {
        as(GLOBEX_ADMIN).body(Map.of("unexpected_apn", Map.of("expected", List.of(APN))))
                .patch("/api/v1/anomaly-rules").then().statusCode(200);
        Map<String, Object> ltem = activeSim();
        session(ltem, DEVICE, APN, 9);
        session(ltem, DEVICE, APN, 2);
        Map<String, Object> rat = the(awaitOfType(GLOBEX_ADMIN, iccid(ltem), "anomaly.detected"));
        assertEquals("unexpected_rat_type", rat.get("rule"));
        assertEquals(2, evidence(rat).get("rat_type"), () -> "the SIM's events: " + ofSim(GLOBEX_ADMIN, iccid(ltem)));
        assertEquals(List.of(9), evidence(rat).get("known_rat_types"));

        Map<String, Object> roaming = activeSim();
        session(roaming, DEVICE, "internet.example", 9);
        Map<String, Object> apn = the(awaitOfType(GLOBEX_ADMIN, iccid(roaming), "anomaly.detected"));
        assertEquals("unexpected_apn", apn.get("rule"));
        assertEquals("internet.example", evidence(apn).get("apn"));
        assertEquals(List.of(APN), evidence(apn).get("expected_apns"));
    }

    /**
     * Three days ago the SIM used 3,000 bytes on a baseline of 1,000 (14 days); then two days without data, which do not
     * enter the baseline. The EWMA over 14 days (weight 2/15, whole bytes rounded down) is 1,266 over 15 days; today's
     * 5,000,000 bytes are above 5 x 1,266, and the rule suspends the SIM.
     */
    @Test
    void aDayFarAboveTheSimsOwnBaselineIsASpikeCountedInExactBytes() {
        as(GLOBEX_ADMIN).body(Map.of("data_usage_spike", Map.of("action", "suspend")))
                .patch("/api/v1/anomaly-rules").then().statusCode(200);
        Map<String, Object> sim = activeSim();
        String session = "spike-" + UUID.randomUUID();
        accounting(sim, session, "Start", 0);
        accounting(sim, session, "Interim-Update", 1000);
        Pool owner = OwnerDatabase.open(vertx);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> baseline(owner, sim) != null
                    && baseline(owner, sim).getLong("mark_bytes") == 1000);
            LocalDate today = owner.query("SELECT (now() AT TIME ZONE 'UTC')::date AS today").execute().await()
                    .atMost(Duration.ofSeconds(10)).iterator().next().getLocalDate("today");
            owner.preparedQuery("UPDATE data_usage_baselines SET day = $2, day_bytes = 3000, day_complete = true,"
                            + " baseline_bytes = 1000, baseline_days = 14 WHERE iccid = $1")
                    .execute(Tuple.of(iccid(sim), today.minusDays(3))).await().atMost(Duration.ofSeconds(10));
            accounting(sim, session, "Interim-Update", 5_001_000);

            Map<String, Object> spike = the(awaitOfType(GLOBEX_ADMIN, iccid(sim), "anomaly.detected"));
            assertEquals("data_usage_spike", spike.get("rule"));
            assertEquals(Map.of("day", today.toString(), "day_bytes", 5_000_000, "baseline_bytes", 1266,
                    "baseline_days", 15, "multiplier", 5), evidence(spike));
            assertEquals(true, spike.get("suspended"));
            as(GLOBEX_ADMIN).get("/api/v1/sims/" + iccid(sim)).then().statusCode(200)
                    .body("status", equalTo("suspended"));
            Row row = baseline(owner, sim);
            assertEquals(today, row.getLocalDate("raised_on"));
            assertEquals(true, row.getBoolean("day_complete"));
        } finally {
            owner.closeAndAwait();
        }
    }

    private static Row baseline(Pool owner, Map<String, Object> sim) {
        var rows = owner.preparedQuery("SELECT * FROM data_usage_baselines WHERE iccid = $1")
                .execute(Tuple.of(iccid(sim))).await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    private static Map<String, Object> activeSim() {
        TestSims sims = TestSims.assignedTo(TENANT, 1);
        as(GLOBEX_ADMIN).post("/api/v1/sims/" + sims.first() + "/activate").then().statusCode(200);
        return sims.rows.get(0);
    }

    /** A session that starts and stops, from this device, to this APN, on this radio access type. */
    private static void session(Map<String, Object> sim, String imeisv, String apn, int ratType) {
        String session = "anomaly-" + UUID.randomUUID();
        for (String status : List.of("Start", "Stop")) {
            send(sim, List.of("Acct-Status-Type = " + status, "Acct-Session-Id = \"" + session + "\"",
                    "3GPP-IMEISV = \"" + imeisv + "\"", "Called-Station-Id = \"" + apn + "\"",
                    "3GPP-RAT-Type = " + ratType, "Acct-Input-Octets = 0", "Acct-Output-Octets = 0"));
        }
    }

    private static void accounting(Map<String, Object> sim, String session, String status, long inputOctets) {
        send(sim, List.of("Acct-Status-Type = " + status, "Acct-Session-Id = \"" + session + "\"",
                "Called-Station-Id = \"" + APN + "\"", "Acct-Input-Octets = " + inputOctets,
                "Acct-Output-Octets = 0"));
    }

    private static void send(Map<String, Object> sim, List<String> attributes) {
        List<String> all = new ArrayList<>(attributes);
        all.add("3GPP-IMSI = \"" + sim.get("imsi") + "\"");
        Radclient.Reply reply = Radclient.acct(TestNas.secret(), all.toArray(String[]::new));
        assertNotNull(reply, "an Accounting-Response");
        assertEquals("Accounting-Response", reply.code(), reply.output());
    }

    private static String[] accessRequest(Map<String, Object> sim, String imeisv) {
        return new String[] {"3GPP-IMSI = \"" + sim.get("imsi") + "\"", "3GPP-IMEISV = \"" + imeisv + "\"",
                "Called-Station-Id = \"" + APN + "\"", "3GPP-RAT-Type = 6"};
    }

    private static String iccid(Map<String, Object> sim) {
        return (String) sim.get("iccid");
    }

    /** The one anomaly the SIM has; a second would be a rule raising what it should not. */
    private static Map<String, Object> the(List<Map<String, Object>> anomalies) {
        assertEquals(1, anomalies.size(), () -> "one anomaly: " + anomalies + "; the SIM's events: "
                + ofSim(GLOBEX_ADMIN, (String) anomalies.get(0).get("iccid")));
        return data(anomalies.get(0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> evidence(Map<String, Object> anomaly) {
        return (Map<String, Object>) anomaly.get("evidence");
    }
}
