package io.cellgate.common;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static io.cellgate.support.Api.problem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A request can open only the data scope that fits its caller, whatever the code asks for. */
@QuarkusTest
class DataScopeGuardTest {
    @Test
    void aTenantRequestCannotOpenAnotherTenantsScopeNorAllTenants() {
        ensureTenant("acme");
        ensureTenant("globex");
        TestSims.assignedTo("acme", 1);
        TestSims.assignedTo("globex", 1);
        long own = as(ACME_ADMIN).get("/test-only/scope/acme").then().statusCode(200).extract().as(Long.class);
        assertTrue(own >= 1);
        problem(as(ACME_ADMIN).get("/test-only/scope/globex").then(), 500, "internal-error");
        problem(as(ACME_ADMIN).get("/test-only/scope/all").then(), 500, "internal-error");

        long all = as(OPS).get("/test-only/scope/all").then().statusCode(200).extract().as(Long.class);
        assertTrue(all > own, "carrier ops see globex's SIMs too");
        as(OPS).get("/test-only/scope/globex").then().statusCode(200);
    }
}
