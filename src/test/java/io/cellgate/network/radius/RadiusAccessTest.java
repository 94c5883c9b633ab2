package io.cellgate.network.radius;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.support.Radclient;
import io.cellgate.support.Radclient.Reply;
import io.cellgate.support.TestNas;
import io.cellgate.support.TestPools;
import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Access-Requests from a real NAS client (FreeRADIUS radclient) decided from the SIM's decision row: what an accept
 * carries, each reason for a reject, and the auth events the tenant reads.
 */
@QuarkusTest
class RadiusAccessTest {
    private static final String IMEISV = "3569380356438091";
    private static final String OTHER_IMEISV = "4901542032375181";

    @BeforeAll
    static void tenants() {
        ensureTenant("acme");
    }

    @Test
    void anAcceptCarriesTheStaticIpTheInterimIntervalTheClassAndTheDestinationFilter() {
        String secret = TestNas.secret();
        TestSims sims = active(1);
        String pool = TestPools.newPool("acme", 28).getString("id");
        String ip = as(ACME_ADMIN).body(Map.of("pool_id", pool)).put("/api/v1/sims/" + sims.first() + "/ip-address")
                .then().statusCode(200).extract().path("address");
        overrides(sims.first(), Map.of("data", Map.of("apns", List.of("iot.acme"), "destinations",
                List.of(Map.of("cidr", "203.0.113.0/24", "ports", List.of("443", "5683-5684"))))));

        Reply reply = awaitAnswer(secret, sims, 0, "iot.acme", IMEISV, "Access-Accept");

        assertEquals(ip, reply.first("Framed-IP-Address"));
        assertEquals("300", reply.first("Acct-Interim-Interval"));
        assertTrue(reply.first("Class").startsWith("0x"), "Class is opaque octets to radclient: " + reply.output());
        String filter = String.join("", reply.attributes().get("NAS-Filter-Rule"));
        assertTrue(filter.contains("permit in tcp from any to 203.0.113.0/24 443,5683-5684"), filter);
        assertTrue(filter.contains("deny in ip from any to any"), filter);
    }

    @Test
    void eachRejectNamesItsReasonAndIsKeptForTheTenant() {
        String secret = TestNas.secret();
        TestSims sims = active(5);
        as(ACME_ADMIN).post("/api/v1/sims/" + sims.iccids.get(0) + "/suspend").then().statusCode(200);
        overrides(sims.iccids.get(1), Map.of("data", Map.of("enabled", false)));
        overrides(sims.iccids.get(2), Map.of("data", Map.of("apns", List.of("iot.acme"))));
        as(ACME_ADMIN).header("If-Match", "*").body(Map.of("mode", "locked", "imei", "356938035643809"))
                .put("/api/v1/sims/" + sims.iccids.get(3) + "/imei-lock").then().statusCode(200);
        overrides(sims.iccids.get(4), Map.of("limits", Map.of("data_bytes", Map.of("limit", 0))));

        assertReject(awaitAnswer(secret, sims, 0, "iot.acme", IMEISV, "Access-Reject"), "sim_not_active");
        assertReject(awaitAnswer(secret, sims, 1, "iot.acme", IMEISV, "Access-Reject"), "data_disabled");
        assertReject(awaitAnswer(secret, sims, 2, "internet", IMEISV, "Access-Reject"), "apn_not_allowed");
        assertReject(awaitAnswer(secret, sims, 3, "iot.acme", OTHER_IMEISV, "Access-Reject"), "imei_mismatch");
        assertReject(Radclient.auth(secret, "3GPP-IMSI = \"" + sims.rows.get(3).get("imsi") + "\""), "imei_missing");
        assertReject(awaitAnswer(secret, sims, 4, "iot.acme", IMEISV, "Access-Reject"), "data_limit_reached");
        assertReject(Radclient.auth(secret, "User-Name = \"999990000000001\""), "unknown_sim");

        org.awaitility.Awaitility.await("refused requests are written in batches, moments after their answer")
                .atMost(java.time.Duration.ofSeconds(5)).until(() -> as(ACME_ADMIN)
                        .get("/api/v1/sims/" + sims.iccids.get(3) + "/auth-events").then().statusCode(200).extract()
                        .jsonPath().getList("items").size() >= 2);
        as(ACME_ADMIN).get("/api/v1/sims/" + sims.iccids.get(3) + "/auth-events").then().statusCode(200)
                .body("items.reason", hasItems("imei_mismatch", "imei_missing"))
                .body("items[0].nas_name", equalTo(TestNas.NAME))
                .body("items.find { it.reason == 'imei_mismatch' }.imei", equalTo(OTHER_IMEISV));
        as("globex-admin").get("/api/v1/sims/" + sims.iccids.get(3) + "/auth-events").then().statusCode(404);
    }

    @Test
    void aSuspendedTenantsSimsAreRejected() {
        String secret = TestNas.secret();
        TestSims sims = activeOf("globex", "globex-admin", 1);
        awaitAnswer(secret, sims, 0, null, null, "Access-Accept");
        try {
            as(OPS).body(Map.of("status", "suspended")).patch("/api/v1/admin/tenants/globex").then().statusCode(200);
            assertReject(awaitAnswer(secret, sims, 0, null, null, "Access-Reject"), "tenant_suspended");
        } finally {
            ensureTenant("globex");
        }
    }

    @Test
    void theFirstDeviceSeenLocksASimLockedOnFirstUseAndTheNasIsRecordedAsTheActor() {
        String secret = TestNas.secret();
        TestSims sims = active(1);
        as(ACME_ADMIN).header("If-Match", "*").body(Map.of("mode", "lock_on_first_use"))
                .put("/api/v1/sims/" + sims.first() + "/imei-lock").then().statusCode(200);
        assertReject(awaitAnswer(secret, sims, 0, null, null, "Access-Reject"), "imei_missing");

        assertEquals("Access-Accept", Radclient.auth(secret, request(sims, 0, null, IMEISV)).code());

        as(ACME_ADMIN).get("/api/v1/sims/" + sims.first() + "/policy").then().statusCode(200)
                .body("policy.imei_lock.mode", equalTo("locked"))
                .body("policy.imei_lock.imei", equalTo("356938035643809"))
                .body("sources.'imei_lock.mode'", equalTo("sim"));
        as(ACME_ADMIN).queryParam("subject", "nas:" + TestNas.NAME).queryParam("action", "imei.lock_on_first_use")
                .get("/api/v1/audit").then().statusCode(200)
                .body("items.find { it.target == '/radius/access-request/" + sims.first() + "' }.client_ip",
                        equalTo("127.0.0.1"));
        assertReject(awaitAnswer(secret, sims, 0, null, OTHER_IMEISV, "Access-Reject"), "imei_mismatch");
        assertEquals("Access-Accept", Radclient.auth(secret, request(sims, 0, null, "3569380356438099")).code(),
                "another software version of the same device");
    }

    static TestSims active(int count) {
        return activeOf("acme", ACME_ADMIN, count);
    }

    /** New SIMs of the tenant (which is made active first), activated by one of its admins. */
    static TestSims activeOf(String tenant, String admin, int count) {
        ensureTenant(tenant);
        TestSims sims = TestSims.assignedTo(tenant, count);
        for (String iccid : sims.iccids) {
            as(admin).post("/api/v1/sims/" + iccid + "/activate").then().statusCode(200);
        }
        return sims;
    }

    static void overrides(String iccid, Map<String, Object> overrides) {
        as(ACME_ADMIN).header("If-Match", "*").body(Map.of("overrides", overrides))
                .patch("/api/v1/sims/" + iccid + "/policy").then().statusCode(200);
    }

    static String[] request(TestSims sims, int index, String apn, String imeisv) {
        List<String> attributes = new java.util.ArrayList<>(List.of(
                "3GPP-IMSI = \"" + sims.rows.get(index).get("imsi") + "\"",
                "Calling-Station-Id = \"" + ((String) sims.rows.get(index).get("msisdn")).substring(1) + "\"",
                "3GPP-RAT-Type = EUTRAN"));
        if (apn != null) {
            attributes.add("Called-Station-Id = \"" + apn + "\"");
        }
        if (imeisv != null) {
            attributes.add("3GPP-IMEISV = \"" + imeisv + "\"");
        }
        return attributes.toArray(String[]::new);
    }

    /** The answer once the change just made through the API has reached the RADIUS server (within moments). */
    static Reply awaitAnswer(String secret, TestSims sims, int index, String apn, String imeisv, String code) {
        Reply[] last = new Reply[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> {
            last[0] = Radclient.auth(secret, request(sims, index, apn, imeisv));
            return last[0] != null && code.equals(last[0].code());
        });
        return last[0];
    }

    /** The RADIUS server's counters, as /q/metrics shows them: what explains a missing answer. */
    static String radiusMetrics() {
        return io.cellgate.support.Api.anonymous().get("/q/metrics").asString()
                .lines().filter(line -> line.startsWith("cellgate_radius")).collect(java.util.stream.Collectors
                        .joining("\n"));
    }

    static void assertReject(Reply reply, String reason) {
        assertNotNull(reply, () -> "an answer; the server counted: " + radiusMetrics());
        assertEquals("Access-Reject", reply.code(), reply.output());
        assertTrue(reply.first("Reply-Message").startsWith(reason + ": "), reply.output());
    }
}
