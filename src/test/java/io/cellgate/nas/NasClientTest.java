package io.cellgate.nas;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cellgate.support.OwnerDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Carrier ops register packet gateways; the shared secret is shown once and stored encrypted. */
@QuarkusTest
class NasClientTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Vertx vertx;

    @Test
    void theSecretIsShownOnceStoredEncryptedAndNeverRecorded() {
        JsonPath created = register(".7", "").then().statusCode(201)
                .body("source", matchesPattern("^198\\.1[89]\\.[0-9]+\\.7/32$"))
                .body("coa_port", equalTo(3799))
                .body("enabled", equalTo(true))
                .body("secret", matchesPattern("^[A-Za-z0-9]{32}$"))
                .extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("secret");

        as(OPS).get("/api/v1/admin/nas-clients/" + id).then().statusCode(200).body("$", not(hasKey("secret")));
        as(OPS).get("/api/v1/admin/nas-clients?limit=1000").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }", not(hasKey("secret")));
        Pool owner = OwnerDatabase.open(vertx);
        try {
            byte[] stored = owner.preparedQuery("SELECT secret FROM nas_clients WHERE id = $1::uuid")
                    .execute(Tuple.of(id)).await().indefinitely().iterator().next().getBuffer("secret").getBytes();
            assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(secret), "stored encrypted");
            String trail = owner.preparedQuery("SELECT coalesce(string_agg(changes::text, ' '), '') AS all"
                            + " FROM audit_records WHERE target LIKE '%' || $1 || '%'").execute(Tuple.of(id))
                    .await().indefinitely().iterator().next().getString("all");
            assertFalse(trail.contains(secret), "the audit trail never holds the secret");
        } finally {
            owner.close().await().indefinitely();
        }

        String rotated = as(OPS).body(Map.of()).post("/api/v1/admin/nas-clients/" + id + "/secret").then()
                .statusCode(200).extract().path("secret");
        assertFalse(rotated.equals(secret));
        as(OPS).delete("/api/v1/admin/nas-clients/" + id).then().statusCode(204);
        problem(as(OPS).get("/api/v1/admin/nas-clients/" + id).then(), 404, "not-found");
    }

    @Test
    void sourcesNeverOverlapAndBadInputNamesTheField() {
        String network = register(".0", "/24").then().statusCode(201).extract().path("source");
        String inside = network.replace(".0/24", ".9");
        problem(as(OPS).body(Map.of("name", "pgw-in-" + RANDOM.nextInt(1_000_000), "source", inside))
                .post("/api/v1/admin/nas-clients").then(), 409, "nas-sources-overlap")
                .body("source", equalTo(inside + "/32"));
        problem(as(OPS).body(Map.of("name", "pgw-bad", "source", "10.0.0.0/33"))
                .post("/api/v1/admin/nas-clients").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("source"));
        problem(as(OPS).body(Map.of("name", "pgw bad\u0000", "source", "192.0.2.1"))
                .post("/api/v1/admin/nas-clients").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("name"));
        problem(as(OPS).body(Map.of("name", "pgw-short-secret", "source", "192.0.2.1", "secret", "short"))
                .post("/api/v1/admin/nas-clients").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("secret"));
        problem(as(OPS).body(Map.of("name", "pgw-port", "source", "192.0.2.1", "coa_port", 70000))
                .post("/api/v1/admin/nas-clients").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("coa_port"));
    }

    @Test
    void tenantsCannotSeeOrRegisterNasClients() {
        problem(as(ACME_ADMIN).get("/api/v1/admin/nas-clients").then(), 403, "forbidden");
        problem(as(ACME_ADMIN).body(Map.of("name", "pgw-x", "source", "192.0.2.1"))
                .post("/api/v1/admin/nas-clients").then(), 403, "forbidden");
    }

    /**
     * Registers a NAS client in a /24 of 198.18.0.0/15 (the benchmarking range) that no other client holds, trying
     * blocks at random: {@code host} and {@code prefix} make the source from the block, e.g. ".7" and "" for one
     * address.
     */
    private static io.restassured.response.Response register(String host, String prefix) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int block = RANDOM.nextInt(512);
            String source = "198." + (18 + block / 256) + "." + (block % 256) + host + prefix;
            var response = as(OPS).body(Map.of("name", "pgw-" + RANDOM.nextInt(1_000_000_000), "source", source))
                    .post("/api/v1/admin/nas-clients");
            if (response.statusCode() != 409) {
                return response;
            }
        }
        throw new AssertionError("no free block for a test NAS client");
    }
}
