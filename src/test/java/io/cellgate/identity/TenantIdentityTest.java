package io.cellgate.identity;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.ACME_OPERATOR;
import static io.cellgate.support.Api.ACME_VIEWER;
import static io.cellgate.support.Api.GLOBEX_ADMIN;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static io.cellgate.support.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.cellgate.common.Cursor;
import io.cellgate.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Users and service accounts, managed through Cellgate in the real identity provider. */
@QuarkusTest
class TenantIdentityTest {

    @BeforeEach
    void tenants() {
        ensureTenant("acme");
        ensureTenant("globex");
    }

    private static String unique(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response clientCredentials(String clientId, String secret) {
        return given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
                .post(Tokens.realmUrl() + "/protocol/openid-connect/token");
    }

    @Test
    void tenantAdminsInviteChangeDisableAndRemoveTheirUsers() {
        String username = unique("jane");
        var invited = as(ACME_ADMIN).body(Map.of("username", username, "email", username + "@acme.example",
                        "first_name", "Jane", "roles", List.of("tenant-operator")))
                .post("/api/v1/users").then().statusCode(201)
                .body("username", equalTo(username)).body("roles", equalTo(List.of("tenant-operator")))
                .body("temporary_password", notNullValue()).body("mfa_configured", equalTo(false))
                .body("required_actions", hasItems("CONFIGURE_TOTP", "UPDATE_PASSWORD"))
                .extract().jsonPath();
        String id = invited.getString("id");
        String user = "/api/v1/users/" + id;

        as(ACME_ADMIN).queryParam("limit", 1000).get("/api/v1/users").then().statusCode(200)
                .body("items.username", hasItems(username, "acme-admin"))
                .body("items.username", not(hasItem("globex-admin")));
        as(ACME_ADMIN).get(user).then().statusCode(200).body("temporary_password", equalTo(null));
        as(ACME_ADMIN).body(Map.of("roles", List.of("tenant-viewer"))).patch(user).then().statusCode(200)
                .body("roles", equalTo(List.of("tenant-viewer")));
        as(ACME_ADMIN).body(Map.of("enabled", false)).patch(user).then().statusCode(200).body("enabled", equalTo(false));
        as(ACME_ADMIN).delete(user).then().statusCode(204);
        problem(as(ACME_ADMIN).get(user).then(), 404, "not-found");
    }

    @Test
    void carrierOpsCreateATenantWithItsFirstAdminOrNothing() {
        String tenant = unique("t");
        String admin = tenant + "-admin";
        as(io.cellgate.support.Api.OPS).body(Map.of("id", tenant, "name", "Initech",
                        "first_admin", Map.of("username", admin, "email", admin + "@initech.example")))
                .post("/api/v1/admin/tenants").then().statusCode(201)
                .body("id", equalTo(tenant)).body("first_admin.username", equalTo(admin))
                .body("first_admin.roles", equalTo(List.of("tenant-admin")))
                .body("first_admin.temporary_password", notNullValue())
                .body("first_admin.required_actions", hasItems("CONFIGURE_TOTP", "UPDATE_PASSWORD"));
        as(io.cellgate.support.Api.OPS).get("/api/v1/admin/tenants/" + tenant).then().statusCode(200)
                .body("first_admin", equalTo(null));

        String other = unique("t");
        problem(as(io.cellgate.support.Api.OPS).body(Map.of("id", other, "name", "Clash",
                        "first_admin", Map.of("username", admin, "email", "another@initech.example")))
                .post("/api/v1/admin/tenants").then(), 409, "conflict");
        problem(as(io.cellgate.support.Api.OPS).get("/api/v1/admin/tenants/" + other).then(), 404, "not-found");
    }

    @Test
    void nobodyGrantsCarrierOpsOrReachesAnotherTenantsUsers() {
        problem(as(ACME_ADMIN).body(Map.of("username", unique("evil"), "email", "evil@acme.example",
                        "roles", List.of("carrier-ops")))
                .post("/api/v1/users").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("roles[0]"));
        String globexAdminId = as(GLOBEX_ADMIN).queryParam("limit", 1000).get("/api/v1/users").then().statusCode(200)
                .extract().path("items.find { it.username == 'globex-admin' }.id");
        problem(as(ACME_ADMIN).get("/api/v1/users/" + globexAdminId).then(), 404, "not-found");
        problem(as(ACME_ADMIN).body(Map.of("roles", List.of("tenant-viewer"))).patch("/api/v1/users/" + globexAdminId)
                .then(), 404, "not-found");
        problem(as(ACME_ADMIN).delete("/api/v1/users/" + globexAdminId).then(), 404, "not-found");
        as(GLOBEX_ADMIN).get("/api/v1/users/" + globexAdminId).then().statusCode(200)
                .body("roles", equalTo(List.of("tenant-admin"))).body("enabled", equalTo(true));
        problem(as(ACME_ADMIN).get("/api/v1/users/" + UUID.randomUUID()).then(), 404, "not-found");
    }

    @Test
    void aCursorThisApiDidNotMakeIsAValidationProblem() {
        for (String offset : List.of("-5", "x", "99999999999")) {
            problem(as(ACME_ADMIN).queryParam("cursor", Cursor.encode(offset)).get("/api/v1/users").then(), 422,
                    "validation-failed").body("errors[0].field", equalTo("cursor"));
        }
    }

    @Test
    void onlyAdminsWithMfaManageIdentities() {
        problem(as(ACME_OPERATOR).get("/api/v1/users").then(), 403, "forbidden");
        problem(as(ACME_VIEWER).get("/api/v1/service-accounts").then(), 403, "forbidden");
        problem(as("acme-nootp").get("/api/v1/users").then(), 403, "mfa-required");
        problem(as("acme-nootp").body(Map.of("name", "x-y-z", "roles", List.of("tenant-viewer")))
                .post("/api/v1/service-accounts").then(), 403, "mfa-required");
        String self = as(ACME_ADMIN).queryParam("limit", 1000).get("/api/v1/users").then()
                .extract().path("items.find { it.username == 'acme-admin' }.id");
        problem(as(ACME_ADMIN).body(Map.of("enabled", false)).patch("/api/v1/users/" + self).then(), 409, "conflict");
    }

    @Test
    void serviceAccountsWorkWithinTheirRolesRotateAndRevoke() {
        String name = unique("sync");
        var created = as(ACME_ADMIN).body(Map.of("name", name, "roles", List.of("tenant-viewer")))
                .post("/api/v1/service-accounts").then().statusCode(201)
                .body("client_id", equalTo("sa-acme-" + name)).body("roles", equalTo(List.of("tenant-viewer")))
                .body("secret", notNullValue()).extract().jsonPath();
        String id = created.getString("id");
        String clientId = created.getString("client_id");
        String secret = created.getString("secret");

        String token = clientCredentials(clientId, secret).then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(token).get("/api/v1/sims?limit=1").then().statusCode(200);
        problem(given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "x"))
                .patch("/api/v1/sims/89490200000000000013").then(), 403, "forbidden");
        as(ACME_ADMIN).get("/api/v1/service-accounts").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.secret", not(hasItem(notNullValue())));
        problem(as(GLOBEX_ADMIN).get("/api/v1/service-accounts/" + id).then(), 404, "not-found");
        problem(as(GLOBEX_ADMIN).post("/api/v1/service-accounts/" + id + "/rotate-secret").then(), 404, "not-found");

        String rotated = as(ACME_ADMIN).post("/api/v1/service-accounts/" + id + "/rotate-secret").then().statusCode(200)
                .extract().path("secret");
        clientCredentials(clientId, secret).then().statusCode(401);
        clientCredentials(clientId, rotated).then().statusCode(200);

        as(ACME_ADMIN).delete("/api/v1/service-accounts/" + id).then().statusCode(204);
        clientCredentials(clientId, rotated).then().statusCode(401);
        problem(as(ACME_ADMIN).get("/api/v1/service-accounts/" + id).then(), 404, "not-found");
    }

    @Test
    void serviceAccountsNeverMakeMfaOnlyCallsEvenAsAdmins() {
        var created = as(ACME_ADMIN).body(Map.of("name", unique("admin-bot"), "roles", List.of("tenant-admin")))
                .post("/api/v1/service-accounts").then().statusCode(201).extract().jsonPath();
        String token = clientCredentials(created.getString("client_id"), created.getString("secret")).then()
                .statusCode(200).extract().path("access_token");
        try {
            given().auth().oauth2(token).get("/api/v1/service-profiles").then().statusCode(200);
            problem(given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", unique("p")))
                    .post("/api/v1/service-profiles").then(), 403, "mfa-required");
            problem(given().auth().oauth2(token).get("/api/v1/users").then(), 403, "mfa-required");
        } finally {
            as(ACME_ADMIN).delete("/api/v1/service-accounts/" + created.getString("id")).then().statusCode(204);
        }
    }
}
