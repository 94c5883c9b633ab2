package io.cellgate.common.web;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static io.cellgate.support.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.support.TestActors;
import io.cellgate.support.TestSims;
import io.cellgate.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostile input gets a clear 4xx problem naming the field, never reaches the database, and is still recorded. */
@QuarkusTest
class HostileInputTest {
    private static final int PORT = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);

    @Inject
    ScopedDatabase db;

    @BeforeEach
    void tenants() {
        ensureTenant("acme");
    }

    @Test
    void aNulInAPathSegmentIsAValidationProblemNamingTheParameter() {
        Map<String, String> paths = Map.of("/api/v1/sims/%00", "iccid", "/api/v1/service-profiles/%00", "id",
                "/api/v1/ip-pools/%00", "id", "/api/v1/users/%00", "id", "/api/v1/jobs/a%00b", "id");
        paths.forEach((path, field) -> problem(raw(ACME_ADMIN).get(path).then(), 422, "validation-failed")
                .body("errors[0].field", equalTo(field)));
        problem(raw(OPS).get("/api/v1/admin/tenants/%00").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("id"));
        problem(raw(OPS).get("/api/v1/admin/decisions/%00").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("key"));
    }

    @Test
    void aNulInAJsonStringIsAValidationProblemNamingTheField() {
        String sim = "/api/v1/sims/" + TestSims.assignedTo("acme", 1).first();
        problem(as(ACME_ADMIN).header("If-Match", "*").body("{\"name\": \"a\\u0000b\"}").patch(sim).then(), 422,
                "validation-failed").body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("must not contain NUL characters"));
        problem(as(ACME_ADMIN).header("If-Match", "*").body("{\"labels\": {\"site\": \"\\ud800\"}}").patch(sim).then(),
                422, "validation-failed").body("errors[0].field", equalTo("labels.site"));
        as(ACME_ADMIN).get(sim).then().statusCode(200).body("name", equalTo(null));
    }

    /**
     * The HTTP layer itself refuses control characters C0 in headers (a bare 400 that never reaches the service); the
     * C1 controls it lets through (bytes 0x80-0x9F) are recorded escaped.
     */
    @Test
    void aRefusedCarrierOpsCallWithHostileInputIsRecordedWithWhatWasSentEscaped() {
        String requestId = "hostile-" + UUID.randomUUID();
        String answer = rawHttp("GET /api/v1/admin/tenants/%00 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + Tokens.of(ACME_ADMIN) + "\r\nX-Request-Id: " + requestId + "\r\nUser-Agent: probe\u0085\u009b31m\r\n"
                + "Connection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        Row record = record(requestId);
        assertEquals("refused", record.getString("outcome"));
        assertEquals(403, record.getInteger("status"));
        assertEquals("acme-admin", record.getString("subject"));
        assertEquals("/api/v1/admin/tenants/%00", record.getString("target"));
        assertEquals("probe\\u0085\\u009b31m", record.getString("user_agent"));

        String hostileId = "id\u0085" + UUID.randomUUID();
        answer = rawHttp("DELETE /api/v1/admin/ip-pools/%00 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + Tokens.of(ACME_ADMIN) + "\r\nX-Request-Id: " + hostileId + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 422"), answer);
        assertTrue(answer.contains("\"field\":\"X-Request-Id\""), answer);
        assertEquals("/api/v1/admin/ip-pools/%00", record(hostileId.replace("\u0085", "\\u0085")).getString("target"));
    }

    /** Which requests are recorded is decided on the path they are routed by, not on the path as it was written. */
    @Test
    void aCarrierOpsReadThroughAnEncodedOrDottedPathIsRecorded() {
        for (String path : List.of("/api/v1/%61dmin/tenants/acme", "/api/v1/./admin/tenants/acme")) {
            String requestId = "routed-" + UUID.randomUUID();
            String answer = rawHttp("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + Tokens.of(OPS) + "\r\nX-Request-Id: " + requestId + "\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertEquals(path, record(requestId).getString("target"));
        }
    }

    @Test
    void aHostileRequestIdIsRefusedAndRecordedEscaped() {
        String sent = "id with spaces " + UUID.randomUUID();
        problem(raw(ACME_ADMIN).header("X-Request-Id", sent).post("/api/v1/sims/8949/activate").then(), 422,
                "validation-failed").body("errors[0].field", equalTo("X-Request-Id"));
        assertEquals("refused", record(sent).getString("outcome"));
    }

    @Test
    void aVeryLongRequestLineIsA414ProblemAndRecorded() {
        String requestId = "long-" + UUID.randomUUID();
        given().port(PORT).urlEncodingEnabled(false).auth().oauth2(Tokens.of(ACME_ADMIN))
                .header("X-Request-Id", requestId).post("/api/v1/sims/" + "9".repeat(9000) + "/activate").then()
                .statusCode(414).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://cellgate.io/problems/uri-too-long"));
        assertEquals(414, record(requestId).getInteger("status"));
        assertTrue(record(requestId).getString("target").endsWith("...(9022 characters)"));
        given().port(PORT).get("/q/health?pad=" + "x".repeat(9000)).then().statusCode(414)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://cellgate.io/problems/uri-too-long"));
    }

    @Test
    void headersTooLargeAreA431Problem() {
        problem(as(ACME_ADMIN).header("X-Pad", "x".repeat(25_000)).get("/api/v1/sims").then(), 431,
                "headers-too-large");
        given().port(PORT).header("X-Pad", "x".repeat(25_000)).get("/q/health").then().statusCode(431)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void queryParametersMustBeUtf8WithoutControlCharacters() {
        problem(raw(ACME_ADMIN).get("/api/v1/sims?iccid_prefix=%C3%28").then(), 400, "bad-request")
                .body("errors[0].field", equalTo("iccid_prefix"));
        problem(raw(ACME_ADMIN).get("/api/v1/sims?label=fleet:%01").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("label"));
        problem(raw(ACME_ADMIN).get("/api/v1/sims?cursor=%00").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("cursor"));
        problem(raw(ACME_ADMIN).get("/api/v1/sims?limit=1e9").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void aBodyThatIsNotUtf8IsMalformedJsonNamingWhereItStands() {
        byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'};
        problem(as(ACME_ADMIN).header("If-Match", "*").body(body)
                .patch("/api/v1/sims/" + TestSims.assignedTo("acme", 1).first()).then(), 400, "malformed-json")
                .body("errors[0].field", equalTo("name"));
    }

    /** A request written byte for byte, as an attacker would, and the answer as it comes back. */
    private static String rawHttp(String request) {
        try (Socket socket = new Socket("127.0.0.1", PORT)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RequestSpecification raw(String user) {
        return given().port(PORT).urlEncodingEnabled(false).auth().oauth2(Tokens.of(user)).accept("application/json");
    }

    private Row record(String requestId) {
        var rows = db.query(TestActors.allTenants(), "SELECT * FROM audit_records WHERE request_id = $1",
                Tuple.of(requestId)).await().indefinitely();
        assertEquals(1, rows.size(), "one record of request " + requestId);
        return rows.iterator().next();
    }
}
