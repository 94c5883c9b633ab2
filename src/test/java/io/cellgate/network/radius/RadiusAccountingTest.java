package io.cellgate.network.radius;

import static io.cellgate.network.radius.RadiusAccessTest.active;
import static io.cellgate.network.radius.RadiusAccessTest.activeOf;
import static io.cellgate.network.radius.RadiusAccessTest.assertReject;
import static io.cellgate.network.radius.RadiusAccessTest.awaitAnswer;
import static io.cellgate.network.radius.RadiusAccessTest.overrides;
import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.network.radius.codec.AttributeType;
import io.cellgate.network.radius.codec.PacketSigning;
import io.cellgate.network.radius.codec.RadiusAttribute;
import io.cellgate.network.radius.codec.RadiusPacket;
import io.cellgate.support.Radclient;
import io.cellgate.support.TestCoaServer;
import io.cellgate.support.TestNas;
import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Accounting from a real NAS client (radclient) into exact usage, and the disconnects that cut live sessions at the
 * test NAS's CoA port when the data limit is crossed, the SIM is suspended or its tenant is.
 */
@QuarkusTest
class RadiusAccountingTest {
    private static final long GIGAWORD = 1L << 32;

    @BeforeAll
    static void tenants() {
        ensureTenant("acme");
    }

    @Test
    void usageIsCountedExactlyAcrossGigawordsRetransmissionsDuplicatesAndReordering() throws Exception {
        String secret = TestNas.secret();
        TestSims sims = active(1);
        String session = "acct-" + UUID.randomUUID();
        String imsi = (String) sims.rows.get(0).get("imsi");

        assertAccounted(acct(secret, imsi, session, "Start", 0, 0));
        assertAccounted(acct(secret, imsi, session, "Interim-Update", GIGAWORD - 296, 1000));
        byte[] interim = signedInterim(secret, imsi, session, GIGAWORD + 500, 3000);
        byte[][] answers = sendTwice(interim);
        assertArrayEquals(answers[0], answers[1], "a retransmission gets the same answer");
        assertAccounted(acct(secret, imsi, session, "Interim-Update", GIGAWORD + 500, 3000));
        assertAccounted(acct(secret, imsi, session, "Interim-Update", GIGAWORD - 296, 1000));
        assertAccounted(acct(secret, imsi, session, "Stop", GIGAWORD + 1500, 5000));
        assertAccounted(acct(secret, imsi, session, "Stop", GIGAWORD + 1500, 5000));

        JsonPath usage = as(ACME_ADMIN).get("/api/v1/sims/" + sims.first() + "/usage").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(GIGAWORD + 1500, usage.getLong("usage.data_bytes_up"));
        assertEquals(5000, usage.getLong("usage.data_bytes_down"));
        assertEquals(GIGAWORD + 6500, usage.getLong("usage.data_bytes_total"));
        as(ACME_ADMIN).get("/api/v1/sims/" + sims.first() + "/sessions").then().statusCode(200)
                .body("items[0].acct_session_id", equalTo(session))
                .body("items[0].live", equalTo(false))
                .body("items[0].stop_cause", equalTo("stop"))
                .body("items[0].nas_name", equalTo(TestNas.NAME));
        JsonPath tenant = as(ACME_ADMIN).queryParam("limit", 1000).get("/api/v1/usage").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(GIGAWORD + 6500, tenant.getLong("items.find { it.iccid == '" + sims.first()
                + "' }.usage.data_bytes_total"));
        as("globex-admin").get("/api/v1/sims/" + sims.first() + "/usage").then().statusCode(404);
        as("globex-admin").get("/api/v1/sims/" + sims.first() + "/sessions").then().statusCode(404);
    }

    @Test
    void usageIsCountedInTheTenantsPeriodWhenItBillsFromAnotherDayThanTheFirst() {
        String secret = TestNas.secret();
        ensureTenant("globex");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int billingDay = today.getDayOfMonth() < 28 ? today.getDayOfMonth() + 1 : 2;
        LocalDate start = today.getDayOfMonth() >= billingDay ? today.withDayOfMonth(billingDay)
                : today.minusMonths(1).withDayOfMonth(billingDay);
        String month = YearMonth.from(start).toString();
        as(OPS).body(Map.of("billing_day", 29)).patch("/api/v1/admin/tenants/globex").then().statusCode(422)
                .body("errors[0].field", equalTo("billing_day"));
        try {
            as(OPS).body(Map.of("billing_day", billingDay)).patch("/api/v1/admin/tenants/globex").then()
                    .statusCode(200).body("billing_day", equalTo(billingDay));
            TestSims sims = activeOf("globex", "globex-admin", 1);
            String imsi = (String) sims.rows.get(0).get("imsi");
            String session = "period-" + UUID.randomUUID();
            assertAccounted(acct(secret, imsi, session, "Start", 0, 0));
            assertAccounted(acct(secret, imsi, session, "Interim-Update", 1000, 2000));

            as("globex-admin").get("/api/v1/sims/" + sims.first() + "/usage").then().statusCode(200)
                    .body("period", equalTo(month))
                    .body("period_start", equalTo(start.toString()))
                    .body("period_end", equalTo(start.plusMonths(1).toString()))
                    .body("usage.data_bytes_total", equalTo(3000));
            as("globex-admin").queryParam("period", month).get("/api/v1/usage").then().statusCode(200)
                    .body("period_start", equalTo(start.toString()))
                    .body("items.find { it.iccid == '" + sims.first() + "' }.usage.data_bytes_total", equalTo(3000));
            as("globex-admin").queryParam("period", YearMonth.from(start).plusMonths(1).toString())
                    .get("/api/v1/sims/" + sims.first() + "/usage").then().statusCode(200)
                    .body("period_start", equalTo(start.plusMonths(1).toString()))
                    .body("usage.data_bytes_total", equalTo(0));
        } finally {
            as(OPS).body(Map.of("billing_day", 1)).patch("/api/v1/admin/tenants/globex").then().statusCode(200);
        }
    }

    @Test
    void aSessionIsCutWhenAnInterimUpdateCrossesTheDataLimit() {
        String secret = TestNas.secret();
        TestSims sims = active(1);
        overrides(sims.first(), Map.of("limits", Map.of("data_bytes",
                Map.of("limit", 1_000_000, "action", "block", "warn_percent", List.of(50, 90)))));
        String session = "limit-" + UUID.randomUUID();
        String imsi = (String) sims.rows.get(0).get("imsi");
        awaitAnswer(secret, sims, 0, null, null, "Access-Accept");
        assertAccounted(acct(secret, imsi, session, "Start", 0, 0));
        assertAccounted(acct(secret, imsi, session, "Interim-Update", 300_000, 300_000));

        assertAccounted(acct(secret, imsi, session, "Interim-Update", 600_000, 500_000));
        RadiusPacket disconnect = TestCoaServer.get().awaitDisconnect(session);

        assertEquals(imsi, text(disconnect, AttributeType.USER_NAME));
        awaitDisconnectRecorded(sims.first(), session, "data_limit_reached");
        as(ACME_ADMIN).get("/api/v1/sims/" + sims.first() + "/usage").then().statusCode(200)
                .body("limits.data_bytes.limit", equalTo(1_000_000))
                .body("limits.data_bytes.used", equalTo(1_100_000))
                .body("limits.data_bytes.remaining", equalTo(0))
                .body("limits.data_bytes.warned_percent", equalTo(List.of(50, 90)));
        assertReject(awaitAnswer(secret, sims, 0, null, null, "Access-Reject"), "data_limit_reached");
    }

    @Test
    void aSessionIsSlowedDownByACoaRequestWhenItCrossesADataLimitThatThrottles() {
        String secret = TestNas.secret();
        TestSims sims = active(1);
        overrides(sims.first(), Map.of("data", Map.of("throttle_kbps", 64), "limits", Map.of("data_bytes",
                Map.of("limit", 1_000_000, "action", "throttle"))));
        String session = "throttle-" + UUID.randomUUID();
        String imsi = (String) sims.rows.get(0).get("imsi");
        Radclient.Reply fullRate = awaitAnswer(secret, sims, 0, null, null, "Access-Accept");
        assertFalse(fullRate.output().contains("WISPr-Bandwidth"), fullRate.output());
        assertAccounted(acct(secret, imsi, session, "Start", 0, 0));

        assertAccounted(acct(secret, imsi, session, "Interim-Update", 700_000, 400_000));
        RadiusPacket coa = TestCoaServer.get().awaitCoa(session);

        assertEquals(imsi, text(coa, AttributeType.USER_NAME));
        assertArrayEquals(ByteBuffer.allocate(4).putInt(64_000).array(),
                coa.vendorAttribute(DynamicAuthorizationClient.VENDOR_WISPR,
                        DynamicAuthorizationClient.WISPR_BANDWIDTH_MAX_DOWN));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "ack".equals(as(ACME_ADMIN)
                .get("/api/v1/sims/" + sims.first() + "/sessions").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.acct_session_id == '" + session + "' }.throttle.state")));
        as(ACME_ADMIN).get("/api/v1/sims/" + sims.first() + "/sessions").then().statusCode(200)
                .body("items.find { it.acct_session_id == '" + session + "' }.throttle.kbps", equalTo(64))
                .body("items.find { it.acct_session_id == '" + session + "' }.live", equalTo(true))
                .body("items.find { it.acct_session_id == '" + session + "' }.disconnect", nullValue());
        assertFalse(TestCoaServer.get().disconnected(session), "a throttled session is not cut");
        Radclient.Reply slowed = awaitAnswer(secret, sims, 0, null, null, "Access-Accept");
        assertTrue(slowed.output().contains("WISPr-Bandwidth-Max-Down = 64000"), slowed.output());

        String slowFromTheStart = "throttle-" + UUID.randomUUID();
        assertAccounted(acct(secret, imsi, slowFromTheStart, "Start", 0, 0));
        TestCoaServer.get().awaitCoa(slowFromTheStart);
        Awaitility.await("the throttle of a session accepted slow is recorded on it, to be lifted later")
                .atMost(Duration.ofSeconds(10)).until(() -> "ack".equals(as(ACME_ADMIN)
                        .get("/api/v1/sims/" + sims.first() + "/sessions").then().statusCode(200).extract()
                        .jsonPath().getString("items.find { it.acct_session_id == '" + slowFromTheStart
                                + "' }.throttle.state")));
    }

    @Test
    void aNewPeriodCutsASlowedSessionSoThatTheDeviceComesBackAtFullRate() {
        String secret = TestNas.secret();
        TestSims sims = activeOf("globex", "globex-admin", 1);
        as("globex-admin").header("If-Match", "*").body(Map.of("overrides", Map.of("data",
                        Map.of("throttle_kbps", 32), "limits", Map.of("data_bytes",
                                Map.of("limit", 1000, "action", "throttle")))))
                .patch("/api/v1/sims/" + sims.first() + "/policy").then().statusCode(200);
        String session = "lift-" + UUID.randomUUID();
        String imsi = (String) sims.rows.get(0).get("imsi");
        assertAccounted(acct(secret, imsi, session, "Start", 0, 0));
        assertAccounted(acct(secret, imsi, session, "Interim-Update", 2000, 0));
        TestCoaServer.get().awaitCoa(session);
        int today = LocalDate.now(ZoneOffset.UTC).getDayOfMonth();
        try {
            as(OPS).body(Map.of("billing_day", today < 28 ? today + 1 : 2)).patch("/api/v1/admin/tenants/globex")
                    .then().statusCode(200);

            TestCoaServer.get().awaitDisconnect(session);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "throttle_lifted".equals(
                    as("globex-admin").get("/api/v1/sims/" + sims.first() + "/sessions").then().statusCode(200)
                            .extract().jsonPath().getString("items.find { it.acct_session_id == '" + session
                                    + "' }.disconnect.reason")));
        } finally {
            as(OPS).body(Map.of("billing_day", 1)).patch("/api/v1/admin/tenants/globex").then().statusCode(200);
        }
    }

    @Test
    void aSessionIsCutWhenItsSimIsSuspendedThroughTheApi() {
        String secret = TestNas.secret();
        TestSims sims = active(1);
        String session = "suspend-" + UUID.randomUUID();
        assertAccounted(acct(secret, (String) sims.rows.get(0).get("imsi"), session, "Start", 0, 0));

        as(ACME_ADMIN).post("/api/v1/sims/" + sims.first() + "/suspend").then().statusCode(200);

        TestCoaServer.get().awaitDisconnect(session);
        awaitDisconnectRecorded(sims.first(), session, "sim_not_active");
    }

    @Test
    void aSessionIsCutWhenItsTenantIsSuspended() {
        String secret = TestNas.secret();
        TestSims sims = activeOf("globex", "globex-admin", 1);
        String session = "tenant-" + UUID.randomUUID();
        assertAccounted(acct(secret, (String) sims.rows.get(0).get("imsi"), session, "Start", 0, 0));
        try {
            as(OPS).body(Map.of("status", "suspended")).patch("/api/v1/admin/tenants/globex").then().statusCode(200);
            TestCoaServer.get().awaitDisconnect(session);
        } finally {
            ensureTenant("globex");
        }
        as(OPS).queryParam("iccid", sims.first()).get("/api/v1/admin/sessions").then().statusCode(200)
                .body("items[0].disconnect.reason", equalTo("tenant_suspended"));
    }

    private static Radclient.Reply acct(String secret, String imsi, String session, String status, long input,
                                        long output) {
        return Radclient.acct(secret, "Acct-Status-Type = " + status, "Acct-Session-Id = \"" + session + "\"",
                "3GPP-IMSI = \"" + imsi + "\"", "Acct-Input-Octets = " + (input & 0xFFFFFFFFL),
                "Acct-Input-Gigawords = " + (input >>> 32), "Acct-Output-Octets = " + (output & 0xFFFFFFFFL),
                "Acct-Output-Gigawords = " + (output >>> 32), "Called-Station-Id = \"iot.acme\"");
    }

    private static void assertAccounted(Radclient.Reply reply) {
        assertNotNull(reply, () -> "an Accounting-Response; the server counted: " + RadiusAccessTest.radiusMetrics());
        assertEquals("Accounting-Response", reply.code(), reply.output());
    }

    /** An Interim-Update built here, so that it can be sent twice as the very same packet (a retransmission). */
    private static byte[] signedInterim(String secret, String imsi, String session, long input, long output) {
        ByteBuffer vsa = ByteBuffer.allocate(4 + 2 + imsi.length()).putInt(AttributeType.VENDOR_3GPP)
                .put((byte) AttributeType.THREE_GPP_IMSI).put((byte) (2 + imsi.length())).put(imsi.getBytes());
        return PacketSigning.request(RadiusPacket.ACCOUNTING_REQUEST, 77, List.of(
                RadiusAttribute.integer(AttributeType.ACCT_STATUS_TYPE, 3),
                RadiusAttribute.text(AttributeType.ACCT_SESSION_ID, session),
                new RadiusAttribute(AttributeType.VENDOR_SPECIFIC, vsa.array()),
                RadiusAttribute.integer(AttributeType.ACCT_INPUT_OCTETS, input & 0xFFFFFFFFL),
                RadiusAttribute.integer(AttributeType.ACCT_INPUT_GIGAWORDS, input >>> 32),
                RadiusAttribute.integer(AttributeType.ACCT_OUTPUT_OCTETS, output)), secret.getBytes());
    }

    /** The same datagram twice from the same port, as a NAS retransmits; both answers. */
    private static byte[][] sendTwice(byte[] request) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(3000);
            byte[][] answers = new byte[2][];
            for (int i = 0; i < 2; i++) {
                socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(),
                        Radclient.ACCT_PORT));
                byte[] buffer = new byte[4096];
                DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
                socket.receive(answer);
                answers[i] = Arrays.copyOf(buffer, answer.getLength());
            }
            return answers;
        }
    }

    private static void awaitDisconnectRecorded(String iccid, String session, String reason) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonPath sessions = as(ACME_ADMIN).get("/api/v1/sims/" + iccid + "/sessions").then().statusCode(200)
                    .extract().jsonPath();
            return "ack".equals(sessions.getString("items.find { it.acct_session_id == '" + session
                    + "' }.disconnect.state"))
                    && reason.equals(sessions.getString("items.find { it.acct_session_id == '" + session
                    + "' }.disconnect.reason"));
        });
    }

    private static String text(RadiusPacket packet, int type) {
        try {
            return packet.text(type);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
