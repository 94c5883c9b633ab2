package io.cellgate.network.charging;

import static io.cellgate.network.charging.OnlineChargingTest.DATA;
import static io.cellgate.network.charging.OnlineChargingTest.VOICE;
import static io.cellgate.network.charging.OnlineChargingTest.sim;
import static io.cellgate.network.charging.OnlineChargingTest.usage;
import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellgate.network.radius.codec.RadiusPacket;
import io.cellgate.support.Nchf;
import io.cellgate.support.Radclient;
import io.cellgate.support.TestCoaServer;
import io.cellgate.support.TestNas;
import io.cellgate.support.TenantEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 5G data through online charging gets the RADIUS path's decisions (DNN as the APN, the IMEI lock by the PEI), and
 * its usage lands in the same counters and limit events, whichever path counted it.
 */
@QuarkusTest
class ChargingDataSessionsTest {
    @BeforeAll
    static void network() {
        OnlineChargingTest.network();
    }

    @Test
    void aDnnOutsideTheSimsApnsIsRefusedAndTheFirstDeviceLocksASimWaitingForOne() {
        Map<String, Object> sim = sim(Map.of("data", Map.of("apns", List.of("iot.acme")),
                "imei_lock", Map.of("mode", "lock_on_first_use")));
        String imsi = (String) sim.get("imsi");
        String iccid = (String) sim.get("iccid");
        Nchf.create(Nchf.pdu(Nchf.unit(Nchf.request(imsi, 1, "SMF"), DATA, Map.of("totalVolume", 1000), null),
                        "internet", "imeisv-3569380356438091")).then().statusCode(201)
                .body("multipleUnitInformation[0].resultCode", equalTo("END_USER_SERVICE_DENIED"));
        assertEquals("apn_not_allowed", TenantEvents.data(TenantEvents.awaitOfType(ACME_ADMIN, iccid,
                "charging.denied").get(0)).get("reason"));
        as(ACME_ADMIN).get("/api/v1/sims/" + iccid + "/policy").then().body("policy.imei_lock.mode",
                equalTo("lock_on_first_use"));

        String requestId = "lock-" + iccid;
        Nchf.create(Nchf.pdu(Nchf.unit(Nchf.request(imsi, 1, "SMF"), DATA, Map.of("totalVolume", 1000), null),
                        "iot.acme", "imeisv-3569380356438091"), requestId).then().statusCode(201)
                .body("multipleUnitInformation[0].resultCode", equalTo("SUCCESS"))
                .body("multipleUnitInformation[0].grantedUnit.totalVolume", equalTo(1000));
        as(ACME_ADMIN).get("/api/v1/sims/" + iccid + "/policy").then()
                .body("policy.imei_lock.mode", equalTo("locked"))
                .body("policy.imei_lock.imei", equalTo("356938035643809"));
        // the network function is the actor of the lock in the audit trail
        as(ACME_ADMIN).queryParam("subject", "nf:demo-core").queryParam("limit", 1000).get("/api/v1/audit").then()
                .statusCode(200)
                .body("items.find { it.request_id == '" + requestId + "' }.action", equalTo("charging.create"))
                .body("items.find { it.request_id == '" + requestId + "' }.changes.after.overrides.imei_lock.imei",
                        equalTo("356938035643809"));

        Nchf.create(Nchf.pdu(Nchf.unit(Nchf.request(imsi, 1, "SMF"), DATA, Map.of("totalVolume", 1000), null),
                        "iot.acme", "imei-490154203237518")).then().statusCode(201)
                .body("multipleUnitInformation[0].resultCode", equalTo("END_USER_SERVICE_DENIED"));
    }

    @Test
    void usedBytesLandInTheUsageCountersAndReachingTheLimitIsAnnouncedAsOnTheRadiusPath() {
        Map<String, Object> sim = sim(Map.of("limits", Map.of("data_bytes", Map.of("limit", 10_000,
                "warn_percent", List.of(50)))));
        String imsi = (String) sim.get("imsi");
        String iccid = (String) sim.get("iccid");
        String ref = Nchf.ref(Nchf.create(Nchf.pdu(Nchf.unit(Nchf.request(imsi, 1, "SMF"), DATA,
                Map.of("totalVolume", 8000), null), "iot.acme", null)).then().statusCode(201)
                .body("multipleUnitInformation[0].grantedUnit.totalVolume", equalTo(8000)).extract().response());
        Nchf.update(ref, Nchf.pdu(Nchf.unit(Nchf.request(imsi, 2, "SMF"), DATA, Map.of("totalVolume", 8000),
                        Map.of("uplinkVolume", 2000, "downlinkVolume", 6000)), "iot.acme", null)).then().statusCode(200)
                .body("multipleUnitInformation[0].grantedUnit.totalVolume", equalTo(2000))
                .body("multipleUnitInformation[0].finalUnitIndication.finalUnitAction", equalTo("TERMINATE"));
        assertEquals(2000, usage(iccid, "data_bytes_up"));
        assertEquals(6000, usage(iccid, "data_bytes_down"));
        Nchf.release(ref, Nchf.pdu(Nchf.unit(Nchf.request(imsi, 3, "SMF"), DATA, null,
                Map.of("totalVolume", 2000)), "iot.acme", null)).then().statusCode(204);
        Map<String, Object> reached = TenantEvents.awaitOfType(ACME_ADMIN, iccid, "usage.limit_reached").get(0);
        assertEquals(Map.of("service", "data", "used", 10_000, "limit", 10_000, "action", "block"),
                Map.of("service", TenantEvents.data(reached).get("service"), "used",
                        TenantEvents.data(reached).get("used"), "limit", TenantEvents.data(reached).get("limit"),
                        "action", TenantEvents.data(reached).get("action")));
        assertEquals(1, TenantEvents.awaitOfType(ACME_ADMIN, iccid, "usage.limit_warning").size());
        // the report that reached the limit is the network function's act in the audit trail
        as(ACME_ADMIN).queryParam("subject", "nf:demo-core").queryParam("limit", 1000).get("/api/v1/audit").then()
                .statusCode(200)
                .body("items.find { it.changes.after.iccid == '" + iccid + "' }.action", equalTo("charging.release"))
                .body("items.find { it.changes.after.iccid == '" + iccid + "' }.changes.after.limit_reached",
                        equalTo(List.of("data")));
        Nchf.create(Nchf.pdu(Nchf.unit(Nchf.request(imsi, 1, "SMF"), DATA, Map.of("totalVolume", 1), null),
                        "iot.acme", null)).then().statusCode(201)
                .body("multipleUnitInformation[0].resultCode", equalTo("QUOTA_LIMIT_REACHED"))
                .body("multipleUnitInformation[0].grantedUnit", nullValue());
    }

    @Test
    void voiceSecondsReachingTheirLimitAreAnnouncedLikeDataAndSms() {
        Map<String, Object> sim = sim(Map.of("voice", Map.of("enabled", true), "limits", Map.of("voice_seconds",
                Map.of("limit", 100, "warn_percent", List.of(80)))));
        String imsi = (String) sim.get("imsi");
        String iccid = (String) sim.get("iccid");
        String ref = Nchf.ref(Nchf.create(Nchf.unit(Nchf.request(imsi, 1, "IMS_NODE"), VOICE, Map.of("time", 100),
                null)).then().statusCode(201).extract().response());
        Nchf.release(ref, Nchf.unit(Nchf.request(imsi, 2, "IMS_NODE"), VOICE, null, Map.of("time", 100))).then()
                .statusCode(204);
        assertEquals(100, usage(iccid, "voice_seconds"));
        Map<String, Object> warning = TenantEvents.awaitOfType(ACME_ADMIN, iccid, "usage.limit_warning").get(0);
        assertEquals("voice", TenantEvents.data(warning).get("service"));
        Map<String, Object> reached = TenantEvents.awaitOfType(ACME_ADMIN, iccid, "usage.limit_reached").get(0);
        assertEquals("voice", TenantEvents.data(reached).get("service"));
    }

    @Test
    void aLimitReachedThroughOnlineChargingCutsTheSimsRadiusSessionsToo() {
        String secret = TestNas.secret();
        Map<String, Object> sim = sim(Map.of("limits", Map.of("data_bytes", Map.of("limit", 50_000))));
        String imsi = (String) sim.get("imsi");
        String radiusSession = "both-" + UUID.randomUUID();
        Radclient.Reply started = Radclient.acct(secret, "Acct-Status-Type = Start",
                "Acct-Session-Id = \"" + radiusSession + "\"", "3GPP-IMSI = \"" + imsi + "\"",
                "Called-Station-Id = \"iot.acme\"");
        assertEquals("Accounting-Response", started.code(), started.output());

        String ref = Nchf.ref(Nchf.create(Nchf.pdu(Nchf.unit(Nchf.request(imsi, 1, "SMF"), DATA,
                Map.of("totalVolume", 50_000), null), "iot.acme", null)).then().statusCode(201).extract().response());
        Nchf.release(ref, Nchf.pdu(Nchf.unit(Nchf.request(imsi, 2, "SMF"), DATA, null,
                Map.of("totalVolume", 50_000)), "iot.acme", null)).then().statusCode(204);

        RadiusPacket disconnect = TestCoaServer.get().awaitDisconnect(radiusSession);
        assertEquals(RadiusPacket.DISCONNECT_REQUEST, disconnect.code());
    }
}
