package io.cellgate.keys;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.problem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.common.crypto.SecretSeal;
import io.cellgate.support.Api;
import io.cellgate.support.OwnerDatabase;
import io.cellgate.support.StandardWebhooksVerifier;
import io.cellgate.support.WebhookReceiver;
import io.cellgate.support.WebhookReceiver.Received;
import io.cellgate.support.WebhookReceiver.Reply;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tests run as in the middle of a key rotation: the RADIUS secret key (and so the webhooks') has a previous key
 * configured. Secrets sealed under the previous key keep working, and resealing moves them to the current key without
 * changing them; a secret no configured key opens is named, not lost.
 */
@QuarkusTest
class SecretKeyResealTest {
    private static final WebhookReceiver RECEIVER = WebhookReceiver.start();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Vertx vertx;

    @BeforeAll
    static void tenant() {
        Api.ensureTenant("acme");
        // the test's receiver listens on plain http
        as(OPS).body(Map.of("webhooks_allow_http", true)).patch("/api/v1/admin/tenants/acme").then().statusCode(200);
    }

    @AfterAll
    static void stop() {
        RECEIVER.close();
    }

    @Test
    void secretsUnderThePreviousKeyKeepWorkingAndResealingMovesThemToTheCurrentKeyUnchanged() {
        SecretSeal previousKey = only("cellgate.radius.previous-secret-key");
        SecretSeal currentKey = only("cellgate.radius.secret-key");
        JsonPath nas = registerNas(true);
        JsonPath stranger = registerNas(false);
        String url = RECEIVER.endpoint("/resealed", n -> Reply.ok());
        JsonPath webhook = as(ACME_ADMIN).body(Map.of("url", url, "event_types", List.of("webhook.test")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
        String hook = webhook.getString("id");
        String oldSecret = webhook.getString("secret");
        String newSecret = as(ACME_ADMIN).body(Map.of("grace_seconds", 3600))
                .post("/api/v1/webhooks/" + hook + "/rotate-secret").then().statusCode(200).extract().path("secret");
        Pool owner = OwnerDatabase.open(vertx);
        try {
            // as a replica sealed them before the key changed; and one sealed under a key no replica has
            store(owner, "UPDATE nas_clients SET secret = $2 WHERE id = $1::uuid", nas.getString("id"),
                    previousKey.seal(nas.getString("id"), bytes(nas.getString("secret"))));
            store(owner, "UPDATE nas_clients SET secret = $2 WHERE id = $1::uuid", stranger.getString("id"),
                    newSeal().seal(stranger.getString("id"), bytes(stranger.getString("secret"))));
            owner.preparedQuery("UPDATE webhooks SET secret = $2, previous_secret = $3 WHERE id = $1::uuid")
                    .execute(Tuple.of(hook, Buffer.buffer(previousKey.seal(hook, bytes(newSecret))),
                            Buffer.buffer(previousKey.seal(hook, bytes(oldSecret))))).await().indefinitely();

            // still signed with both secrets: the previous key opens them
            as(ACME_ADMIN).post("/api/v1/webhooks/" + hook + "/test").then().statusCode(202);
            Received before = RECEIVER.await("/resealed", all -> all.size() == 1).get(0);
            assertTrue(verifies(newSecret, before) && verifies(oldSecret, before), before.toString());

            JsonPath report = as(OPS).post("/api/v1/admin/secret-keys/reseal").then().statusCode(200)
                    .extract().jsonPath();
            assertTrue(report.getInt("secrets.find { it.secrets == 'nas_client_secrets' }.resealed") >= 1);
            assertEquals(List.of(stranger.getString("id")),
                    report.getList("secrets.find { it.secrets == 'nas_client_secrets' }.unreadable"));
            assertTrue(report.getInt("secrets.find { it.secrets == 'webhook_secrets' }.resealed") >= 2);
            assertEquals(List.of(), report.getList("secrets.find { it.secrets == 'webhook_secrets' }.unreadable"));

            // the current key alone opens them now, and they are the same secrets
            assertArrayEquals(bytes(nas.getString("secret")), currentKey.open(nas.getString("id"),
                    stored(owner, "SELECT secret FROM nas_clients WHERE id = $1::uuid", nas.getString("id"))));
            assertArrayEquals(bytes(newSecret), currentKey.open(hook,
                    stored(owner, "SELECT secret FROM webhooks WHERE id = $1::uuid", hook)));
            assertArrayEquals(bytes(oldSecret), currentKey.open(hook,
                    stored(owner, "SELECT previous_secret AS secret FROM webhooks WHERE id = $1::uuid", hook)));
            as(ACME_ADMIN).post("/api/v1/webhooks/" + hook + "/test").then().statusCode(202);
            Received after = RECEIVER.await("/resealed", all -> all.size() == 2).get(1);
            assertTrue(verifies(newSecret, after) && verifies(oldSecret, after), after.toString());

            // nothing left to move: the previous key could go, once the stranger's secret is rotated
            JsonPath again = as(OPS).post("/api/v1/admin/secret-keys/reseal").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(List.of(0, 0), again.getList("secrets.resealed"));
            as(OPS).body(Map.of()).post("/api/v1/admin/nas-clients/" + stranger.getString("id") + "/secret").then()
                    .statusCode(200);
            assertEquals(List.of(), as(OPS).post("/api/v1/admin/secret-keys/reseal").then().statusCode(200)
                    .extract().jsonPath().getList("secrets.find { it.secrets == 'nas_client_secrets' }.unreadable"));

            Row recorded = owner.query("SELECT subject, changes::text AS changes, outcome FROM audit_records"
                            + " WHERE target = '/api/v1/admin/secret-keys/reseal'"
                            + " ORDER BY id DESC LIMIT 1").execute().await().indefinitely().iterator().next();
            assertEquals("success", recorded.getString("outcome"));
            assertTrue(recorded.getString("changes").contains("resealed_"), recorded.getString("changes"));
        } finally {
            owner.close().await().indefinitely();
            as(ACME_ADMIN).delete("/api/v1/webhooks/" + hook);
            as(OPS).delete("/api/v1/admin/nas-clients/" + nas.getString("id"));
            as(OPS).delete("/api/v1/admin/nas-clients/" + stranger.getString("id"));
        }
    }

    @Test
    void onlyCarrierOpsMayReseal() {
        problem(as(ACME_ADMIN).post("/api/v1/admin/secret-keys/reseal").then(), 403, "forbidden");
    }

    /** A NAS client at an address of 198.18.0.0/15 (the benchmarking range) that no other client holds. */
    private static JsonPath registerNas(boolean enabled) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int block = RANDOM.nextInt(512);
            var response = as(OPS).body(Map.of("name", "pgw-reseal-" + RANDOM.nextInt(1_000_000_000), "source",
                    "198." + (18 + block / 256) + "." + (block % 256) + ".9", "enabled", enabled))
                    .post("/api/v1/admin/nas-clients");
            if (response.statusCode() != 409) {
                return response.then().statusCode(201).extract().jsonPath();
            }
        }
        throw new AssertionError("no free address for a test NAS client");
    }

    private static void store(Pool owner, String sql, String id, byte[] sealed) {
        owner.preparedQuery(sql).execute(Tuple.of(id, Buffer.buffer(sealed))).await().indefinitely();
    }

    private static byte[] stored(Pool owner, String sql, String id) {
        return owner.preparedQuery(sql).execute(Tuple.of(id)).await().indefinitely().iterator().next()
                .getBuffer("secret").getBytes();
    }

    private static boolean verifies(String secret, Received request) {
        return StandardWebhooksVerifier.verifies(secret, request.header("webhook-id"),
                request.header("webhook-timestamp"), request.header("webhook-signature"), request.body(),
                Instant.now().getEpochSecond());
    }

    private static SecretSeal only(String setting) {
        return new SecretSeal(setting, ConfigProvider.getConfig().getValue(setting, String.class), "", Optional.empty());
    }

    private static SecretSeal newSeal() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new SecretSeal("another key", Base64.getEncoder().encodeToString(key), "", Optional.empty());
    }

    private static byte[] bytes(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
