package io.cellgate.webhooks;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.ACME_OPERATOR;
import static io.cellgate.support.Api.ACME_VIEWER;
import static io.cellgate.support.Api.GLOBEX_ADMIN;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static io.cellgate.support.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.support.PublishedEventSchemas;
import io.cellgate.support.StandardWebhooksVerifier;
import io.cellgate.support.TestSims;
import io.cellgate.support.WebhookReceiver;
import io.cellgate.support.WebhookReceiver.Received;
import io.cellgate.support.WebhookReceiver.Reply;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks as a tenant's backend receives them, at a real HTTP endpoint: signed as Standard Webhooks sign them (checked
 * by a verifier written from the specification), in order per SIM, retried after failures and timeouts, isolated
 * between tenants, with secret rotation, SSRF refusals, and an endpoint that keeps failing disabled.
 */
@QuarkusTest
class WebhooksTest {
    private static final WebhookReceiver RECEIVER = WebhookReceiver.start();

    @BeforeAll
    static void tenants() {
        for (String tenant : List.of("acme", "globex")) {
            ensureTenant(tenant);
            as(OPS).body(Map.of("webhooks_allow_http", true)).patch("/api/v1/admin/tenants/" + tenant).then()
                    .statusCode(200).body("webhooks_allow_http", equalTo(true));
        }
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void deliveriesAreSignedAndInOrderPerSimUnderConcurrentChanges() throws Exception {
        String url = RECEIVER.endpoint("/ordered", n -> n % 5 == 0 ? Reply.status(503)
                : Reply.after(Duration.ofMillis(n % 7), 200));
        JsonPath webhook = register(ACME_ADMIN, url, List.of("sim.status_changed"));
        try {
            TestSims sims = TestSims.assignedTo("acme", 6);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> changes = new ArrayList<>();
            for (String iccid : sims.iccids) {
                changes.add(pool.submit(() -> {
                    as(ACME_OPERATOR).post("/api/v1/sims/" + iccid + "/activate").then().statusCode(200);
                    for (int i = 0; i < 4; i++) {
                        as(ACME_OPERATOR).post("/api/v1/sims/" + iccid + "/suspend").then().statusCode(200);
                        as(ACME_OPERATOR).post("/api/v1/sims/" + iccid + "/resume").then().statusCode(200);
                    }
                }));
            }
            for (Future<?> change : changes) {
                change.get();
            }
            pool.shutdown();

            List<Received> delivered = RECEIVER.await("/ordered", all -> sims.iccids.stream().allMatch(iccid ->
                    accepted(all, iccid).size() == 10));
            for (String iccid : sims.iccids) {
                List<Received> ofSim = accepted(delivered, iccid);
                assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), ofSim.stream()
                        .map(r -> ((Number) r.event().get("sequence")).longValue()).toList(), "in order: " + iccid);
                for (Received request : ofSim) {
                    assertSigned(webhook.getString("secret"), request);
                    assertEquals(request.event().get("id"), request.header("webhook-id"));
                    assertEquals("application/json", request.header("content-type"));
                    PublishedEventSchemas.assertConforms(request.event());
                }
            }
            JsonPath listed = as(ACME_ADMIN).queryParam("state", "succeeded")
                    .get("/api/v1/webhooks/" + webhook.getString("id") + "/deliveries").then().statusCode(200)
                    .extract().jsonPath();
            Map<String, Object> one = listed.getMap("items[0]");
            assertEquals("succeeded", one.get("state"));
            List<Map<String, Object>> attempts = listed.getList("items[0].attempts");
            assertEquals(200, attempts.get(attempts.size() - 1).get("status_code"));
            assertNotNull(attempts.get(attempts.size() - 1).get("latency_ms"));
            assertTrue(((String) attempts.get(attempts.size() - 1).get("response_body")).startsWith("{\"answer\": "));
        } finally {
            delete(ACME_ADMIN, webhook.getString("id"));
        }
    }

    @Test
    void aFailedOrTimedOutAttemptIsRetriedWithTheSameIdAndEveryAttemptIsListed() {
        String url = RECEIVER.endpoint("/flaky", n -> switch (n) {
            case 1 -> Reply.status(500);
            case 2 -> Reply.after(Duration.ofSeconds(3), 200);
            default -> Reply.ok();
        });
        JsonPath webhook = register(ACME_ADMIN, url, List.of("webhook.test"));
        try {
            String event = as(ACME_ADMIN).post("/api/v1/webhooks/" + webhook.getString("id") + "/test").then()
                    .statusCode(202).extract().path("event_id");

            List<Received> requests = RECEIVER.await("/flaky", all -> all.size() >= 3);
            assertEquals(List.of(event, event, event), requests.stream().map(r -> r.header("webhook-id")).toList());
            assertEquals("webhook.test", requests.get(2).event().get("type"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "succeeded".equals(deliveries(webhook)
                    .getString("items[0].state")));
            List<Map<String, Object>> attempts = deliveries(webhook).getList("items[0].attempts");
            assertEquals(500, attempts.get(0).get("status_code"));
            assertTrue(((String) attempts.get(1).get("error")).startsWith("timeout"), attempts.toString());
            assertEquals(200, attempts.get(2).get("status_code"));
        } finally {
            delete(ACME_ADMIN, webhook.getString("id"));
        }
    }

    @Test
    void aSlowEndpointOfOneTenantDoesNotDelayAnotherTenants() {
        String slow = RECEIVER.endpoint("/slow-acme", n -> Reply.after(Duration.ofMillis(1500), 200));
        String fast = RECEIVER.endpoint("/fast-globex", n -> Reply.ok());
        JsonPath acmeHook = register(ACME_ADMIN, slow, List.of("webhook.test"));
        JsonPath globexHook = register(GLOBEX_ADMIN, fast, List.of("webhook.test"));
        try {
            for (int i = 0; i < 80; i++) {
                as(ACME_ADMIN).post("/api/v1/webhooks/" + acmeHook.getString("id") + "/test").then().statusCode(202);
            }
            RECEIVER.await("/slow-acme", all -> !all.isEmpty());
            as(GLOBEX_ADMIN).post("/api/v1/webhooks/" + globexHook.getString("id") + "/test").then().statusCode(202);

            RECEIVER.await("/fast-globex", all -> all.size() == 1);
            assertTrue(RECEIVER.at("/slow-acme").size() < 80, "globex's event came while acme's endpoint was still"
                    + " working through its backlog");
            RECEIVER.await("/slow-acme", all -> all.size() == 80);
        } finally {
            delete(ACME_ADMIN, acmeHook.getString("id"));
            delete(GLOBEX_ADMIN, globexHook.getString("id"));
        }
    }

    @Test
    void aRotatedSecretSignsTogetherWithTheOldOneDuringItsGracePeriod() {
        String url = RECEIVER.endpoint("/rotated", n -> Reply.ok());
        JsonPath webhook = register(ACME_ADMIN, url, List.of("webhook.test"));
        String id = webhook.getString("id");
        try {
            String old = webhook.getString("secret");
            JsonPath rotated = as(ACME_ADMIN).body(Map.of("grace_seconds", 3600))
                    .post("/api/v1/webhooks/" + id + "/rotate-secret").then().statusCode(200)
                    .body("secret", startsWith("whsec_")).extract().jsonPath();
            String current = rotated.getString("secret");
            assertNotNull(rotated.getString("previous_secret_expires_at"));
            as(ACME_ADMIN).post("/api/v1/webhooks/" + id + "/test").then().statusCode(202);

            Received both = RECEIVER.await("/rotated", all -> all.size() == 1).get(0);
            assertEquals(2, both.header("webhook-signature").split(" ").length);
            assertSigned(current, both);
            assertSigned(old, both);

            String newest = as(ACME_ADMIN).body(Map.of("grace_seconds", 0)).post("/api/v1/webhooks/" + id
                    + "/rotate-secret").then().statusCode(200).extract().path("secret");
            as(ACME_ADMIN).post("/api/v1/webhooks/" + id + "/test").then().statusCode(202);
            Received one = RECEIVER.await("/rotated", all -> all.size() == 2).get(1);
            assertEquals(1, one.header("webhook-signature").split(" ").length);
            assertSigned(newest, one);
            assertFalse(verifies(current, one), "the replaced secret no longer signs");
            as(ACME_ADMIN).get("/api/v1/webhooks/" + id).then().statusCode(200)
                    .body("secret", equalTo(null)).body("previous_secret_expires_at", equalTo(null));
        } finally {
            delete(ACME_ADMIN, id);
        }
    }

    @Test
    void urlsThatReachInsideTheNetworkAreRefusedAtRegistration() {
        for (String url : List.of("https://10.0.0.1/hook", "https://169.254.169.254/latest/meta-data",
                "https://[::ffff:192.168.1.1]/", "https://[fd00:ec2::254]/", "https://224.0.0.1/",
                "https://0.0.0.0/", "https://[::]/", "https://100.64.1.1/", "https://user:pw@example.com/",
                "ftp://example.com/", "https://hooks.invalid/", "https://example.com/#x")) {
            problem(as(ACME_ADMIN).body(Map.of("url", url)).post("/api/v1/webhooks").then(), 422,
                    "validation-failed").body("errors[0].field", equalTo("url"));
        }
        problem(as(ACME_ADMIN).body(Map.of("url", "https://example.com/" + "a".repeat(2000)))
                .post("/api/v1/webhooks").then(), 422, "validation-failed").body("errors[0].field", equalTo("url"));
        problem(as(ACME_ADMIN).body(Map.of("url", "https://example.com/", "event_types", List.of("sim.gone")))
                .post("/api/v1/webhooks").then(), 422, "validation-failed");
    }

    @Test
    void anAddressIsCheckedAgainAtDeliveryAndAnEndpointThatKeepsFailingIsDisabled() {
        Map<String, String> dns = new ConcurrentHashMap<>(Map.of("hooks.rebinding.test", "127.0.0.1"));
        QuarkusMock.installMockForType(new HostResolver() {
            @Override
            public Uni<List<InetAddress>> resolve(String host) {
                String address = dns.get(host);
                return address == null ? super.resolve(host) : Uni.createFrom().item(() -> List.of(literal(address)));
            }
        }, HostResolver.class);
        String path = "/rebound";
        RECEIVER.endpoint(path, n -> Reply.ok());
        String url = "http://hooks.rebinding.test:" + RECEIVER.port() + path;
        JsonPath webhook = register(ACME_ADMIN, url, List.of("webhook.test"));
        String id = webhook.getString("id");
        try {
            dns.put("hooks.rebinding.test", "10.0.0.7");
            for (int i = 0; i < 6; i++) {
                as(ACME_ADMIN).post("/api/v1/webhooks/" + id + "/test").then().statusCode(202);
            }

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !as(ACME_ADMIN)
                    .get("/api/v1/webhooks/" + id).then().extract().jsonPath().getBoolean("enabled"));
            JsonPath disabled = as(ACME_ADMIN).get("/api/v1/webhooks/" + id).then().statusCode(200).extract()
                    .jsonPath();
            assertTrue(disabled.getString("disabled_reason").contains("10.0.0.7"), disabled.prettify());
            assertTrue(disabled.getInt("consecutive_failures") >= 20);
            assertEquals(List.of(), RECEIVER.at(path), "nothing reached the address it resolved to before");
            assertTrue(((String) deliveries(webhook).getList("items[0].attempts", Map.class).get(0).get("error"))
                    .startsWith("address refused"));
            List<Map<String, Object>> announced = as(ACME_VIEWER).queryParam("type", "webhook.disabled")
                    .queryParam("since", Instant.now().minusSeconds(60).toString()).get("/api/v1/events").then()
                    .statusCode(200).extract().jsonPath().getList("items");
            assertTrue(announced.stream().anyMatch(e -> id.equals(((Map<?, ?>) e.get("data")).get("webhook_id"))),
                    "the tenant is told");
            announced.forEach(PublishedEventSchemas::assertConforms);
            problem(as(ACME_ADMIN).post("/api/v1/webhooks/" + id + "/test").then(), 409, "conflict");

            dns.put("hooks.rebinding.test", "127.0.0.1");
            as(ACME_ADMIN).body(Map.of("enabled", true)).patch("/api/v1/webhooks/" + id).then().statusCode(200)
                    .body("enabled", equalTo(true)).body("disabled_reason", equalTo(null))
                    .body("consecutive_failures", equalTo(0));
            RECEIVER.await(path, all -> !all.isEmpty());
        } finally {
            delete(ACME_ADMIN, id);
        }
    }

    @Test
    void aDeliveryThatFailedForItsWholeRetryPeriodCanBeSentAgain() {
        boolean[] up = {false};
        String url = RECEIVER.endpoint("/down", n -> up[0] ? Reply.ok() : Reply.status(502));
        JsonPath webhook = register(ACME_ADMIN, url, List.of("webhook.test"));
        try {
            as(ACME_ADMIN).post("/api/v1/webhooks/" + webhook.getString("id") + "/test").then().statusCode(202);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "failed".equals(deliveries(webhook)
                    .getString("items[0].state")));
            long delivery = deliveries(webhook).getLong("items[0].id");
            int attempts = deliveries(webhook).getList("items[0].attempts").size();
            assertTrue(attempts >= 3, "retried with back-off: " + attempts);

            up[0] = true;
            as(ACME_ADMIN).post("/api/v1/webhooks/" + webhook.getString("id") + "/deliveries/" + delivery + "/retry")
                    .then().statusCode(200).body("state", equalTo("pending"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "succeeded".equals(deliveries(webhook)
                    .getString("items[0].state")));
        } finally {
            delete(ACME_ADMIN, webhook.getString("id"));
        }
    }

    @Test
    void onlyTheTenantsAdminsManageItsWebhooksAndOthersSeeNone() {
        JsonPath webhook = register(ACME_ADMIN, RECEIVER.endpoint("/private", n -> Reply.ok()), List.of());
        String id = webhook.getString("id");
        try {
            problem(as(ACME_VIEWER).get("/api/v1/webhooks").then(), 403, "forbidden");
            problem(as(ACME_OPERATOR).body(Map.of("url", "https://example.com/")).post("/api/v1/webhooks").then(),
                    403, "forbidden");
            problem(as(GLOBEX_ADMIN).get("/api/v1/webhooks/" + id).then(), 404, "not-found");
            problem(as(GLOBEX_ADMIN).body(Map.of("enabled", false)).patch("/api/v1/webhooks/" + id).then(), 404,
                    "not-found");
            problem(as(GLOBEX_ADMIN).post("/api/v1/webhooks/" + id + "/test").then(), 404, "not-found");
            problem(as(GLOBEX_ADMIN).get("/api/v1/webhooks/" + id + "/deliveries").then(), 404, "not-found");
            problem(as(GLOBEX_ADMIN).delete("/api/v1/webhooks/" + id).then(), 404, "not-found");
            assertFalse(as(GLOBEX_ADMIN).queryParam("limit", 1000).get("/api/v1/webhooks").then().statusCode(200)
                    .extract().jsonPath().getList("items.id").contains(id));
            as(ACME_ADMIN).get("/api/v1/webhooks/" + id).then().statusCode(200).body("secret", equalTo(null))
                    .body("event_types", equalTo(List.of()));
        } finally {
            delete(ACME_ADMIN, id);
        }
        problem(as(ACME_ADMIN).get("/api/v1/webhooks/" + id).then(), 404, "not-found");
    }

    private static List<Received> accepted(List<Received> all, String iccid) {
        return all.stream().filter(r -> r.status() == 200 && iccid.equals(r.event().get("iccid"))).toList();
    }

    private static JsonPath register(String admin, String url, List<String> types) {
        Map<String, Object> body = new HashMap<>(Map.of("url", url, "event_types", types));
        body.put("description", "tests");
        return as(admin).body(body).post("/api/v1/webhooks").then().statusCode(201)
                .body("secret", startsWith("whsec_")).extract().jsonPath();
    }

    private static void delete(String admin, String id) {
        as(admin).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    private static JsonPath deliveries(JsonPath webhook) {
        return as(ACME_ADMIN).get("/api/v1/webhooks/" + webhook.getString("id") + "/deliveries").then()
                .statusCode(200).extract().jsonPath();
    }

    private static void assertSigned(String secret, Received request) {
        assertTrue(verifies(secret, request), () -> "signed with " + secret.substring(0, 10) + "...: " + request);
    }

    private static boolean verifies(String secret, Received request) {
        return StandardWebhooksVerifier.verifies(secret, request.header("webhook-id"),
                request.header("webhook-timestamp"), request.header("webhook-signature"), request.body(),
                Instant.now().getEpochSecond());
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
