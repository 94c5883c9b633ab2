package io.cellgate.demo;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.GLOBEX_ADMIN;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo that scripts/run starts: seeded at start-up, outside any request, through the same services. */
@QuarkusTest
@TestProfile(DemoDataTest.Seeded.class)
class DemoDataTest {

    public static class Seeded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cellgate.demo.seed", "true");
        }
    }

    @Test
    void theDemoTenantsHaveTheirSims() {
        as(ACME_ADMIN).get("/api/v1/sims/" + DemoData.iccid(1)).then().statusCode(200)
                .body("status", equalTo("active"));
        as(ACME_ADMIN).get("/api/v1/sims/" + DemoData.iccid(55)).then().statusCode(200)
                .body("status", equalTo("suspended"));
        as(GLOBEX_ADMIN).get("/api/v1/sims/" + DemoData.iccid(101)).then().statusCode(200)
                .body("status", equalTo("active"));
        as(GLOBEX_ADMIN).get("/api/v1/sims/" + DemoData.iccid(1)).then().statusCode(404);
        as(OPS).get("/api/v1/admin/sims/" + DemoData.iccid(250)).then().statusCode(200)
                .body("status", equalTo("stock"));
    }
}
