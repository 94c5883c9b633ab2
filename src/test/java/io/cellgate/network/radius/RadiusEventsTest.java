package io.cellgate.network.radius;

import static io.cellgate.network.radius.RadiusAccessTest.active;
import static io.cellgate.network.radius.RadiusAccessTest.assertReject;
import static io.cellgate.network.radius.RadiusAccessTest.awaitAnswer;
import static io.cellgate.network.radius.RadiusAccessTest.overrides;
import static io.cellgate.support.Api.ACME_OPERATOR;
import static io.cellgate.support.Api.ACME_VIEWER;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static io.cellgate.support.TenantEvents.awaitOfType;
import static io.cellgate.support.TenantEvents.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.cellgate.support.Radclient;
import io.cellgate.support.TestCoaServer;
import io.cellgate.support.TestNas;
import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the network reports becomes the tenant's events, from a real NAS client (radclient): sessions starting and
 * stopping, refused requests and foreign devices, data limit thresholds, and the disconnect that enforces the limit.
 */
@QuarkusTest
class RadiusEventsTest {
    private static final String LOCKED_TO = "356938035643809";
    private static final String FOREIGN_DEVICE = "4901542032375181";

    @BeforeAll
    static void tenants() {
        ensureTenant("acme");
    }

    @Test
    void aSessionsStartAndStopAreEvents() {
        String secret = TestNas.secret();
        TestSims sims = active(1);
        String imsi = (String) sims.rows.get(0).get("imsi");
        String session = "events-" + UUID.randomUUID();
        acct(secret, imsi, session, "Start", 0, 0);
        acct(secret, imsi, session, "Stop", 1234, 56789, "Acct-Terminate-Cause = User-Request");

        Map<String, Object> started = data(awaitOfType(ACME_VIEWER, sims.first(), "session.started").get(0));
        Map<String, Object> stopped = data(awaitOfType(ACME_VIEWER, sims.first(), "session.stopped").get(0));
        assertEquals(started.get("session_id"), stopped.get("session_id"));
        assertEquals(TestNas.NAME, started.get("nas"));
        assertEquals("iot.acme", started.get("apn"));
        assertEquals("stop:1", stopped.get("stop_cause"));
        assertEquals(1234, stopped.get("input_octets"));
        assertEquals(56789, stopped.get("output_octets"));
        assertNotNull(stopped.get("stopped_at"));
    }

    @Test
    void aRefusedRequestIsAnEventAndAForeignDeviceAnImeiMismatch() {
        String secret = TestNas.secret();
        TestSims sims = active(1);
        as(ACME_OPERATOR).header("If-Match", "*").body(Map.of("mode", "locked", "imei", LOCKED_TO))
                .put("/api/v1/sims/" + sims.first() + "/imei-lock").then().statusCode(200);
        assertReject(awaitAnswer(secret, sims, 0, null, FOREIGN_DEVICE, "Access-Reject"), "imei_mismatch");

        Map<String, Object> rejected = data(awaitOfType(ACME_VIEWER, sims.first(), "auth.rejected").get(0));
        assertEquals("imei_mismatch", rejected.get("reason"));
        assertEquals(TestNas.NAME, rejected.get("nas"));
        assertEquals(6, rejected.get("rat_type"));
        Map<String, Object> mismatch = data(awaitOfType(ACME_VIEWER, sims.first(), "imei.mismatch").get(0));
        assertEquals(FOREIGN_DEVICE.substring(0, 14), ((String) mismatch.get("imei")).substring(0, 14));
        assertEquals(LOCKED_TO, mismatch.get("locked_imei"));
    }

    @Test
    void crossingTheDataLimitIsWarningsThenTheLimitThenTheDisconnect() {
        String secret = TestNas.secret();
        TestSims sims = active(1);
        overrides(sims.first(), Map.of("limits", Map.of("data_bytes",
                Map.of("limit", 1_000_000, "action", "block", "warn_percent", List.of(50, 90)))));
        String imsi = (String) sims.rows.get(0).get("imsi");
        String session = "events-limit-" + UUID.randomUUID();
        awaitAnswer(secret, sims, 0, null, null, "Access-Accept");
        acct(secret, imsi, session, "Start", 0, 0);
        acct(secret, imsi, session, "Interim-Update", 300_000, 300_000);
        awaitOfType(ACME_VIEWER, sims.first(), "usage.limit_warning");
        acct(secret, imsi, session, "Interim-Update", 600_000, 500_000);
        TestCoaServer.get().awaitDisconnect(session);

        List<Map<String, Object>> warnings = awaitOfType(ACME_VIEWER, sims.first(), "usage.limit_warning");
        assertEquals(List.of(50, 90), warnings.stream().map(w -> data(w).get("percent")).toList());
        assertEquals(600_000, data(warnings.get(0)).get("used"));
        assertEquals(1_000_000, data(warnings.get(0)).get("limit"));
        Map<String, Object> reached = data(awaitOfType(ACME_VIEWER, sims.first(), "usage.limit_reached").get(0));
        assertEquals(Map.of("service", "data", "used", 1_100_000, "limit", 1_000_000, "action", "block"),
                Map.of("service", reached.get("service"), "used", reached.get("used"), "limit", reached.get("limit"),
                        "action", reached.get("action")));
        Map<String, Object> disconnected = data(awaitOfType(ACME_VIEWER, sims.first(), "session.disconnected")
                .get(0));
        assertEquals("data_limit_reached", disconnected.get("reason"));
    }

    private static void acct(String secret, String imsi, String session, String status, long input, long output,
                             String... more) {
        List<String> attributes = new java.util.ArrayList<>(List.of("Acct-Status-Type = " + status,
                "Acct-Session-Id = \"" + session + "\"", "3GPP-IMSI = \"" + imsi + "\"",
                "Acct-Input-Octets = " + input, "Acct-Output-Octets = " + output, "Called-Station-Id = \"iot.acme\""));
        attributes.addAll(List.of(more));
        Radclient.Reply reply = Radclient.acct(secret, attributes.toArray(String[]::new));
        assertNotNull(reply, () -> "an Accounting-Response; the server counted: " + RadiusAccessTest.radiusMetrics());
        assertEquals("Accounting-Response", reply.code(), reply.output());
    }
}
