package io.cellgate.identity;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static io.cellgate.support.Api.problem;
import static org.hamcrest.Matchers.equalTo;

import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With real tokens: a login without TOTP is refused for MFA-only calls and accepted for the others. */
@QuarkusTest
class MfaEnforcementTest {
    private static final String ACME_NO_OTP = "acme-nootp";
    private static final String OPS_NO_OTP = "ops-nootp";

    @BeforeEach
    void tenants() {
        ensureTenant("acme");
    }

    @Test
    void aTenantAdminWithoutOtpReadsAndOperatesButCannotDoPrivilegedWork() {
        TestSims sims = TestSims.assignedTo("acme", 2);
        String iccid = sims.first();
        as(ACME_NO_OTP).get("/api/v1/sims/" + iccid).then().statusCode(200);
        as(ACME_NO_OTP).post("/api/v1/sims/" + iccid + "/activate").then().statusCode(200);
        as(ACME_NO_OTP).post("/api/v1/sims/" + iccid + "/suspend").then().statusCode(200);

        problem(as(ACME_NO_OTP).body(Map.of("confirm_iccid", iccid)).post("/api/v1/sims/" + iccid + "/terminate")
                .then(), 403, "mfa-required");
        problem(as(ACME_NO_OTP).body(Map.of("action", "terminate", "iccids", sims.iccids, "confirm", "terminate"))
                .post("/api/v1/sims/bulk-actions").then(), 403, "mfa-required");
        problem(as(ACME_NO_OTP).body(Map.of("name", "no-mfa")).post("/api/v1/service-profiles").then(), 403,
                "mfa-required");
        as(ACME_NO_OTP).get("/api/v1/sims/" + iccid).then().body("status", equalTo("suspended"));

        as(ACME_ADMIN).body(Map.of("confirm_iccid", iccid)).post("/api/v1/sims/" + iccid + "/terminate").then()
                .statusCode(200);
        as(ACME_NO_OTP).body(Map.of("action", "activate", "iccids", List.of(sims.iccids.get(1))))
                .post("/api/v1/sims/bulk-actions").then().statusCode(202);
    }

    @Test
    void carrierOpsWithoutOtpCannotCallAnyAdminEndpoint() {
        problem(as(OPS_NO_OTP).get("/api/v1/admin/tenants").then(), 403, "mfa-required");
        problem(as(OPS_NO_OTP).get("/api/v1/admin/sims").then(), 403, "mfa-required");
        problem(as(OPS_NO_OTP).body(Map.of("tenant_id", "acme", "iccids", List.of(TestSims.inStock(1).first())))
                .post("/api/v1/admin/sims/assign").then(), 403, "mfa-required");
        as(OPS).get("/api/v1/admin/tenants").then().statusCode(200);
    }
}
