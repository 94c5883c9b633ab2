package io.cellgate.common;

import static io.cellgate.support.Api.ACME_VIEWER;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Framework-level failures are problem+json too, with a stable type and no stack trace. */
@QuarkusTest
class ProblemResponsesTest {

    @Test
    void unknownPathIsANotFoundProblem() {
        problem(as(ACME_VIEWER).get("/api/v1/nothing-here").then(), 404, "not-found")
                .body("instance", equalTo("/api/v1/nothing-here"));
    }

    @Test
    void wrongMethodIsAMethodNotAllowedProblem() {
        problem(as(OPS).delete("/api/v1/admin/tenants").then(), 405, "method-not-allowed");
    }

    @Test
    void unacceptableMediaTypeIsANotAcceptableProblem() {
        problem(given().auth().oauth2(io.cellgate.support.Tokens.of(OPS)).accept("application/xml")
                .get("/api/v1/admin/tenants").then(), 406, "not-acceptable");
    }

    @Test
    void unsupportedContentTypeIsAProblem() {
        problem(as(OPS).contentType("text/plain").body("hello").post("/api/v1/admin/tenants").then(), 415,
                "unsupported-media-type");
    }

    /** Declares a 40 MB body and sends none of it: the refusal must come before the body is read. */
    @Test
    void tooLargeBodiesAreRefusedBeforeTheyAreRead() throws Exception {
        int port = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.http.test-port", Integer.class);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/admin/sims/import HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 40000000\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertAll(
                    () -> org.junit.jupiter.api.Assertions.assertTrue(response.startsWith("HTTP/1.1 413"), response),
                    () -> org.junit.jupiter.api.Assertions.assertTrue(
                            response.toLowerCase().contains("content-type: application/problem+json"), response),
                    () -> org.junit.jupiter.api.Assertions.assertTrue(
                            response.contains("\"type\":\"https://cellgate.io/problems/payload-too-large\""), response));
        }
    }

    @Test
    void wrongJsonTypesAreValidationProblemsWithoutInternals() {
        problem(as(OPS).body("{\"id\": \"abc\", \"name\": \"x\", \"quotas\": {\"max_sims\": \"ten\"}}")
                .post("/api/v1/admin/tenants").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("quotas.max_sims"))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("Exception")));
    }
}
