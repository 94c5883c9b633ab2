package io.cellgate.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Requests as a demo user, and the common assertions on problem responses. */
public final class Api {
    public static final String OPS = "ops";
    public static final String ACME_ADMIN = "acme-admin";
    public static final String ACME_OPERATOR = "acme-operator";
    public static final String ACME_VIEWER = "acme-viewer";
    public static final String GLOBEX_ADMIN = "globex-admin";

    /** Explicit, because RestAssured's default port is only set around each test, not in @BeforeAll. */
    private static final int TEST_PORT = org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue("quarkus.http.test-port", Integer.class);

    private Api() {
    }

    /** A request that proves no identity (operations endpoints: health, metrics). */
    public static RequestSpecification anonymous() {
        return given().port(TEST_PORT);
    }

    public static RequestSpecification as(String user) {
        return given().port(TEST_PORT).auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** Asserts an RFC 9457 problem of the given status and type slug. */
    public static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("type", equalTo("https://cellgate.io/problems/" + type))
                .body("title", org.hamcrest.Matchers.notNullValue());
    }

    /** Quotas generous enough for the suite's own load: rate limits are tested on purpose, not hit by accident. */
    public static final Map<String, Object> TEST_QUOTAS = Map.of("api_requests_per_second", 5000, "api_burst", 10000);

    /** Makes sure the demo tenants the tokens point at exist and are active (tests share them, never wipe them). */
    public static void ensureTenant(String id) {
        as(OPS).body(Map.of("id", id, "name", id + " (tests)")).post("/api/v1/admin/tenants");
        as(OPS).body(Map.of("status", "active", "quotas", TEST_QUOTAS)).patch("/api/v1/admin/tenants/" + id)
                .then().statusCode(200);
    }
}
