package io.cellgate.network.charging;

import static io.cellgate.network.charging.OnlineChargingTest.VOICE;
import static io.cellgate.network.charging.OnlineChargingTest.sim;
import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.cellgate.support.Nchf;
import io.cellgate.support.NchfSchemas;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may ask online charging, and what it refuses: only registered network functions with their own tokens; bad
 * requests with 3GPP ProblemDetails naming each field; unknown SIMs and rating groups with their result codes.
 */
@QuarkusTest
class ChargingRefusalsTest {
    @BeforeAll
    static void network() {
        OnlineChargingTest.network();
    }

    @Test
    void tenantTokensAnonymousCallsAndUnregisteredOrDisabledFunctionsAreRefused() {
        String imsi = (String) sim(Map.of()).get("imsi");
        Map<String, Object> request = Nchf.unit(Nchf.request(imsi, 1, "SMF"), VOICE, Map.of("time", 60), null);
        problem(Nchf.as("acme-backend").body(request).post(Nchf.ROOT).then(), 403, "forbidden");
        problem(given().port(Nchf.port()).contentType("application/json").body(request).post(Nchf.ROOT).then(), 401,
                "unauthorized");

        String id = as(OPS).get("/api/v1/admin/charging-functions").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.client_id == 'demo-smf' }.id");
        as(OPS).body(Map.of("enabled", false)).patch("/api/v1/admin/charging-functions/" + id).then().statusCode(200)
                .body("enabled", equalTo(false));
        try {
            refused(Nchf.create(request).then(), 403, "forbidden").body("cause", equalTo("UNSPECIFIED_MSG_FAILURE"));
        } finally {
            as(OPS).body(Map.of("enabled", true)).patch("/api/v1/admin/charging-functions/" + id).then()
                    .statusCode(200);
        }
        Nchf.create(request).then().statusCode(201);
    }

    @Test
    void malformedRequestsAreRefusedWithTheFieldsNamedAndNothingIsCounted() {
        String imsi = (String) sim(Map.of("voice", Map.of("enabled", true))).get("imsi");
        refused(Nchf.create("{\"invocationSequenceNumber\": 1,").then(), 400, "malformed-json")
                .body("cause", equalTo("INVALID_MSG_FORMAT"));
        refused(Nchf.create("{\"invocationTimeStamp\": \"2026-12-04T10:00:00Z\","
                        + " \"nfConsumerIdentification\": {\"nodeFunctionality\": \"SMF\"},"
                        + " \"subscriberIdentifier\": \"imsi-" + imsi + "\"}").then(), 400, "bad-request")
                .body("cause", equalTo("MANDATORY_IE_MISSING"))
                .body("invalidParams.param", equalTo(List.of("invocationSequenceNumber")));
        refused(Nchf.create("{\"invocationSequenceNumber\": 1, \"invocationTimeStamp\": \"2026-12-04T10:00:00Z\","
                        + " \"nfConsumerIdentification\": {\"nodeFunctionality\": \"SMF\\u0000\"},"
                        + " \"subscriberIdentifier\": \"imsi-" + imsi + "\","
                        + " \"multipleUnitUsage\": [{\"ratingGroup\": 100, \"requestedUnit\": {\"time\": -5}}]}").then(),
                400, "bad-request").body("cause", equalTo("MANDATORY_IE_INCORRECT"))
                .body("invalidParams.param", equalTo(List.of("nfConsumerIdentification/nodeFunctionality",
                        "multipleUnitUsage/0/requestedUnit/time")));
        byte[] notUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        refused(Nchf.as(Nchf.FUNCTION_CLIENT).body(notUtf8).post(Nchf.ROOT).then(), 400, "malformed-json");
        refused(Nchf.create("{\"pad\": \"" + "x".repeat(70_000) + "\"}").then(), 400, "malformed-json");
        refused(Nchf.update("not-a-ref", Nchf.unit(Nchf.request(imsi, 2, "SMF"), VOICE, null, null)).then(), 404,
                "not-found").body("cause", equalTo("CONTEXT_NOT_FOUND"));
        refused(Nchf.update("9b2d0c1e-0000-4000-8000-000000000000", Nchf.unit(Nchf.request(imsi, 2, "SMF"), VOICE,
                null, null)).then(), 404, "not-found");
    }

    @Test
    void anUnknownSimIsUserUnknownAndAnUnconfiguredRatingGroupRatingFailed() {
        Nchf.create(Nchf.unit(Nchf.request("001019999999999", 1, "SMF"), VOICE, Map.of("time", 60), null)).then()
                .statusCode(403).body("multipleUnitInformation[0].resultCode", equalTo("USER_UNKNOWN"))
                .body("invocationResult.error.cause", equalTo("USER_UNKNOWN"));
        String imsi = (String) sim(Map.of("voice", Map.of("enabled", true))).get("imsi");
        Nchf.create(Nchf.unit(Nchf.unit(Nchf.request(imsi, 1, "IMS_NODE"), 4_000_000_000L, Map.of("time", 60), null),
                        VOICE, Map.of("time", 60), null)).then().statusCode(201)
                .body("multipleUnitInformation[0].resultCode", equalTo("RATING_FAILED"))
                .body("multipleUnitInformation[1].resultCode", equalTo("SUCCESS"));
    }

    @Test
    void onlyCarrierOpsRegisterFunctionsAndRatingGroups() {
        problem(as(ACME_ADMIN).get("/api/v1/admin/charging-functions").then(), 403, "forbidden");
        problem(as(ACME_ADMIN).body(Map.of("service", "voice")).put("/api/v1/admin/rating-groups/7").then(), 403,
                "forbidden");
        problem(as(OPS).body(Map.of("service", "fax")).put("/api/v1/admin/rating-groups/7").then(), 422,
                "validation-failed").body("errors[0].field", equalTo("service"));
        problem(as(OPS).body(Map.of("name", "demo-core-2", "client_id", Nchf.FUNCTION_CLIENT))
                .post("/api/v1/admin/charging-functions").then(), 409, "conflict");
        as(OPS).body(Map.of("service", "sms")).put("/api/v1/admin/rating-groups/7").then().statusCode(200)
                .body("service", equalTo("sms"));
        as(OPS).delete("/api/v1/admin/rating-groups/7").then().statusCode(204);
        problem(as(OPS).delete("/api/v1/admin/rating-groups/7").then(), 404, "not-found");
    }

    private static ValidatableResponse refused(ValidatableResponse response, int status, String type) {
        NchfSchemas.assertConforms("ProblemDetails", response.extract().asString());
        return problem(response, status, type).contentType(startsWith("application/problem+json"));
    }
}
