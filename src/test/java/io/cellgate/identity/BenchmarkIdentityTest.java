package io.cellgate.identity;

import static io.cellgate.support.Api.problem;
import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The header-based caller of benchmark builds must not exist in the service's own build. */
@QuarkusTest
class BenchmarkIdentityTest {
    @Test
    void benchmarkHeadersAreNotAnIdentity() {
        problem(given().header("X-Bench-Tenant", "acme").header("X-Bench-Subject", "mallory")
                .header("X-Bench-Roles", "tenant-admin").get("/api/v1/sims").then(), 401, "unauthorized");
    }
}
