package io.cellgate.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellgate.support.Api;
import io.cellgate.support.Replica;
import io.cellgate.support.TcpProxy;
import io.cellgate.support.Tokens;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A packaged replica whose PostgreSQL and identity provider are reached through proxies that fail on demand: it
 * degrades instead of falling over. With the identity provider hung it stays ready and serves every call a valid token
 * may make, and user management answers 503 within 5 s; while its database restarts, requests answer 503 with
 * Retry-After, and once the database is back the replica serves again by itself.
 */
class DegradedDependenciesIT {
    private static final Replica REPLICA = new Replica(8098, 25812);
    private static TcpProxy database;
    private static TcpProxy identity;
    private static String realm;

    @BeforeAll
    static void start() throws Exception {
        database = new TcpProxy(25433, System.getenv("CELLGATE_DB_HOST"),
                Integer.parseInt(System.getenv("CELLGATE_DB_PORT"))).up();
        URI keycloak = URI.create(Tokens.realmUrl());
        identity = new TcpProxy(28181, keycloak.getHost(), keycloak.getPort()).up();
        realm = "http://127.0.0.1:" + identity.port() + keycloak.getPath();
        REPLICA.with("CELLGATE_DB_PORT", String.valueOf(database.port()))
                .with("CELLGATE_OIDC_URL", realm)
                .with("CELLGATE_KEYCLOAK_URL", "http://127.0.0.1:" + identity.port())
                .with("CELLGATE_IDENTITY_PROBE_INTERVAL", "1s")
                .with("CELLGATE_LOG_JSON", "true")
                .start().awaitReady();
    }

    @AfterAll
    static void stop() throws Exception {
        REPLICA.stop();
        database.close();
        identity.close();
    }

    @Test
    void withTheIdentityProviderHungTheReplicaStaysReadyServesValidTokensAndUserManagementAnswers503() {
        String admin = Tokens.of(Api.ACME_ADMIN, realm);
        String backend = Tokens.of("acme-backend", realm);
        as(admin).get("/api/v1/sims").then().statusCode(200);
        as(backend).get("/api/v1/sims").then().statusCode(200);
        identity.hang();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    given().baseUri(REPLICA.url()).get("/q/metrics").then()
                            .body(containsString("cellgate_identity_provider_up 0.0")));
            given().baseUri(REPLICA.url()).get("/q/health/well").then().statusCode(503)
                    .body("checks.find { it.name == 'identity-provider' }.status", equalTo("DOWN"));
            given().baseUri(REPLICA.url()).get("/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"));
            given().baseUri(REPLICA.url()).get("/q/health/live").then().statusCode(200);

            as(admin).get("/api/v1/sims").then().statusCode(200).body("items", notNullValue());
            as(backend).get("/api/v1/sims").then().statusCode(200);
            // the client gives up after 5 s: a slower answer fails the test
            as(admin).config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                            .setParam("http.socket.timeout", 5_000).setParam("http.connection.timeout", 5_000)))
                    .get("/api/v1/users").then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://cellgate.io/problems/service-unavailable"))
                    .header("Retry-After", notNullValue());
        } finally {
            reopen(identity);
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().baseUri(REPLICA.url()).get("/q/metrics").then()
                        .body(containsString("cellgate_identity_provider_up 1.0")));
    }

    @Test
    void duringADatabaseRestartRequestsAnswer503WithRetryAfterAndTheReplicaReconnectsByItself() throws Exception {
        String backend = Tokens.of("acme-backend", realm);
        as(backend).get("/api/v1/sims").then().statusCode(200);
        database.down();
        String requestId = "degraded-" + java.util.UUID.randomUUID();
        String traceId = java.util.UUID.randomUUID().toString().replace("-", "");
        try {
            for (int i = 0; i < 5; i++) {
                as(backend).header("X-Request-Id", requestId + "-" + i)
                        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").get("/api/v1/sims").then().statusCode(503)
                        .contentType("application/problem+json")
                        .body("type", equalTo("https://cellgate.io/problems/service-unavailable"))
                        .header("Retry-After", equalTo("5"));
            }
            // without its database this replica cannot serve: out of service, not restarted
            given().baseUri(REPLICA.url()).get("/q/health/ready").then().statusCode(503);
            given().baseUri(REPLICA.url()).get("/q/health/live").then().statusCode(200);
        } finally {
            reopen(database);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                as(backend).get("/api/v1/sims").statusCode() == 200);
        for (int i = 0; i < 20; i++) {
            as(backend).get("/api/v1/sims").then().statusCode(200);
        }
        given().baseUri(REPLICA.url()).get("/q/health/ready").then().statusCode(200);

        // the warning of each refused request is one JSON line naming the request, its tenant, its caller and its trace
        // (the caller's: this replica exports no traces, but its logs can still be joined with the caller's)
        List<JsonNode> warnings = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("target/replica-8098.log"))) {
            if (line.startsWith("{") && line.contains(requestId)) {
                warnings.add(new ObjectMapper().readTree(line));
            }
        }
        assertEquals(5, warnings.size());
        JsonNode first = warnings.get(0);
        assertEquals("WARN", first.get("level").asText());
        assertTrue(first.get("message").asText().contains("the database is not available"));
        assertEquals(requestId + "-0", first.at("/mdc/request_id").asText());
        assertEquals("acme", first.at("/mdc/tenant").asText());
        assertEquals("service-account-acme-backend", first.at("/mdc/subject").asText());
        assertEquals(traceId, first.at("/mdc/traceId").asText());
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(REPLICA.url()).auth().oauth2(token).accept("application/json");
    }

    private static void reopen(TcpProxy proxy) {
        try {
            proxy.up();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the proxy could not listen again", e);
        }
    }
}
