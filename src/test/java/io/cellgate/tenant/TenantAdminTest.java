package io.cellgate.tenant;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TenantAdminTest {

    private static String newId() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void carrierOpsCreatesReadsAndUpdatesATenant() {
        String id = newId();
        as(OPS).body(Map.of("id", id, "name", "Initech", "quotas", Map.of("max_sims", 500)))
                .post("/api/v1/admin/tenants")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/admin/tenants/" + id))
                .body("id", equalTo(id)).body("status", equalTo("active"))
                .body("quotas.max_sims", equalTo(500)).body("quotas.sms_per_second", nullValue())
                .body("created_at", notNullValue());

        as(OPS).get("/api/v1/admin/tenants/" + id).then().statusCode(200).body("name", equalTo("Initech"));

        as(OPS).body(Map.of("name", "Initech AG", "status", "suspended", "quotas", Map.of("sms_per_second", 5)))
                .patch("/api/v1/admin/tenants/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Initech AG")).body("status", equalTo("suspended"))
                .body("quotas.max_sims", equalTo(500)).body("quotas.sms_per_second", equalTo(5));

        as(OPS).queryParam("status", "suspended").queryParam("limit", 1000).get("/api/v1/admin/tenants")
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void aDuplicateTenantIsAConflict() {
        String id = newId();
        as(OPS).body(Map.of("id", id, "name", "One")).post("/api/v1/admin/tenants").then().statusCode(201);
        problem(as(OPS).body(Map.of("id", id, "name", "Two")).post("/api/v1/admin/tenants").then(), 409, "conflict");
    }

    @Test
    void invalidTenantsNameTheField() {
        problem(as(OPS).body(Map.of("id", "Bad Id!", "name", "x")).post("/api/v1/admin/tenants").then(),
                422, "validation-failed")
                .body("errors[0].field", equalTo("id"));
        problem(as(OPS).body(Map.of("id", newId())).post("/api/v1/admin/tenants").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("name"));
        problem(as(OPS).body(Map.of("id", newId(), "name", "x", "colour", "red")).post("/api/v1/admin/tenants").then(),
                422, "validation-failed")
                .body("errors[0].field", equalTo("colour"));
        problem(as(OPS).body(Map.of("id", newId(), "name", 42)).post("/api/v1/admin/tenants").then(),
                422, "validation-failed")
                .body("errors[0].field", equalTo("name"));
        problem(as(OPS).body(Map.of("id", newId(), "name", "x", "quotas", Map.of("max_sims", -1)))
                .post("/api/v1/admin/tenants").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("quotas.max_sims"));
        problem(as(OPS).body(Map.of("status", "deleted")).patch("/api/v1/admin/tenants/acme").then(),
                422, "validation-failed")
                .body("errors[0].field", equalTo("status"));
        problem(as(OPS).body("{\"id\": \"abc\",").post("/api/v1/admin/tenants").then(), 400, "malformed-json");
    }

    @Test
    void listingPagesThroughEveryTenantOnce() {
        for (int i = 0; i < 3; i++) {
            as(OPS).body(Map.of("id", newId(), "name", "Paged")).post("/api/v1/admin/tenants").then().statusCode(201);
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = as(OPS).queryParam("limit", 2);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.get("/api/v1/admin/tenants").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id");
            for (String id : ids) {
                if (!seen.add(id)) {
                    throw new AssertionError("tenant " + id + " listed twice");
                }
            }
            cursor = page.getString("next_cursor");
            pages++;
        } while (cursor != null);
        org.junit.jupiter.api.Assertions.assertTrue(pages >= 2 && seen.size() >= 3, "paged through " + seen.size());
        problem(as(OPS).queryParam("cursor", "not-a-cursor").get("/api/v1/admin/tenants").then(), 422,
                "validation-failed").body("errors[0].field", equalTo("cursor"));
        problem(as(OPS).queryParam("limit", 1001).get("/api/v1/admin/tenants").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void unknownTenantIsNotFound() {
        problem(as(OPS).get("/api/v1/admin/tenants/no-such-tenant").then(), 404, "not-found");
        problem(as(OPS).body(Map.of("name", "x")).patch("/api/v1/admin/tenants/no-such-tenant").then(), 404, "not-found");
    }

    @Test
    void onlyCarrierOpsManageTenants() {
        problem(as(ACME_ADMIN).get("/api/v1/admin/tenants").then(), 403, "forbidden");
        problem(as("acme-backend").body(Map.of("id", newId(), "name", "x")).post("/api/v1/admin/tenants").then(),
                403, "forbidden");
    }

    @Test
    void missingOrForgedTokensAreUnauthorized() {
        problem(given().get("/api/v1/admin/tenants").then(), 401, "unauthorized")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        String forged = io.cellgate.support.Tokens.of(OPS);
        forged = forged.substring(0, forged.length() - 4) + (forged.endsWith("AAAA") ? "BBBB" : "AAAA");
        problem(given().auth().oauth2(forged).get("/api/v1/admin/tenants").then(), 401, "unauthorized");
        problem(given().auth().oauth2("not.a.jwt").get("/api/v1/sims").then(), 401, "unauthorized");
    }
}
