package io.cellgate.policy;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.common.Actor;
import io.cellgate.common.Origin;
import io.cellgate.common.id.Imei;
import io.cellgate.common.id.Imsi;
import io.cellgate.ports.NetworkReportPort;
import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The network write port, as a network function uses it: the first IMEI reported for a SIM locked on first use becomes
 * its lock, visible in the API with its source and in the tenant's trail as the network function's change.
 */
@QuarkusTest
class ImeiReportsTest {
    private static final Actor NAS = Actor.networkFunction("nas:test-pgw",
            new Origin("RADIUS", "/radius/access-request", "lockImeiOnFirstUse", "192.0.2.10", null, "radius-test"));

    @Inject
    NetworkReportPort reports;

    @Test
    void theFirstImeiSeenBecomesTheLockAndLaterOnesDoNot() {
        ensureTenant("acme");
        TestSims sims = TestSims.assignedTo("acme", 2);
        String locked = sims.first();
        as(ACME_ADMIN).header("If-Match", "*").body(Map.of("mode", "lock_on_first_use"))
                .put("/api/v1/sims/" + locked + "/imei-lock").then().statusCode(200);
        Imsi imsi = Imsi.parse((String) sims.rows.get(0).get("imsi"));

        NetworkReportPort.ImeiSeen first = reports.imeiSeen(NAS, imsi, Imei.parse("3569380356438091"))
                .await().indefinitely();
        assertTrue(first.lockedNow());
        assertEquals(Imei.parse("356938035643809"), first.lockedTo(), "an IMEISV locks its device's IMEI");
        as(ACME_ADMIN).get("/api/v1/sims/" + locked + "/policy").then().statusCode(200)
                .body("policy.imei_lock.mode", equalTo("locked"))
                .body("policy.imei_lock.imei", equalTo("356938035643809"))
                .body("sources.'imei_lock.mode'", equalTo("sim"));
        as(ACME_ADMIN).queryParam("target", "/radius/access-request").queryParam("subject", "nas:test-pgw")
                .get("/api/v1/audit").then().statusCode(200)
                .body("items.find { it.request_id == 'radius-test' }.action", equalTo("lockImeiOnFirstUse"))
                .body("items.find { it.request_id == 'radius-test' }.client_ip", equalTo("192.0.2.10"))
                .body("items.find { it.request_id == 'radius-test' }.changes.after.overrides.imei_lock.imei",
                        equalTo("356938035643809"));

        NetworkReportPort.ImeiSeen second = reports.imeiSeen(NAS, imsi, Imei.parse("490154203237518"))
                .await().indefinitely();
        assertFalse(second.lockedNow());
        assertEquals(Imei.parse("356938035643809"), second.lockedTo());
    }

    @Test
    void aSimThatIsNotLockedOnFirstUseIsLeftAloneAndAnUnknownOneIsNotFound() {
        ensureTenant("acme");
        TestSims sims = TestSims.assignedTo("acme", 1);
        Imsi imsi = Imsi.parse((String) sims.rows.get(0).get("imsi"));
        String etag = as(ACME_ADMIN).get("/api/v1/sims/" + sims.first()).then().extract().header("ETag");
        NetworkReportPort.ImeiSeen seen = reports.imeiSeen(NAS, imsi, Imei.parse("356938035643809"))
                .await().indefinitely();
        assertFalse(seen.lockedNow());
        as(ACME_ADMIN).get("/api/v1/sims/" + sims.first()).then().header("ETag", etag);
        assertNull(reports.imeiSeen(NAS, Imsi.parse("999999999999999"), Imei.parse("356938035643809"))
                .await().indefinitely());
    }
}
