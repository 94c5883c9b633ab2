package io.cellgate.sms;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.ACME_OPERATOR;
import static io.cellgate.support.Api.ACME_VIEWER;
import static io.cellgate.support.Api.GLOBEX_ADMIN;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static io.cellgate.support.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.demo.DemoSmsc;
import io.cellgate.demo.SmscSimulator;
import io.cellgate.support.OwnerDatabase;
import io.cellgate.support.PrometheusMetrics;
import io.cellgate.support.TenantEvents;
import io.cellgate.support.StandardWebhooksVerifier;
import io.cellgate.support.TestSims;
import io.cellgate.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A2P SMS as a tenant's backend uses it, through the API, with the service bound over TCP to an SMSC that speaks SMPP
 * 3.4 (the demo's simulator, jsmpp's server session): submits with receipts, long texts in both encodings, binary with
 * a UDH, the checks before queueing, devices' replies reassembled, throttling, and the SMSC restarted mid-stream.
 */
@QuarkusTest
class SmsTest {
    static final String ACME_ADDRESS = "ACMETEST";
    static final String ACME_NUMBER = "+4915550199";

    @Inject
    DemoSmsc smsc;
    @Inject
    SmsUpkeep upkeep;
    @Inject
    Vertx vertx;
    @ConfigProperty(name = "cellgate.smpp.answer-within")
    Duration answerWithin;

    @BeforeAll
    static void tenants() {
        ensureTenant("acme");
        ensureTenant("globex");
        as(OPS).body(Map.of("sms_addresses", List.of(ACME_ADDRESS, ACME_NUMBER), "webhooks_allow_http", true))
                .patch("/api/v1/admin/tenants/acme")
                .then().statusCode(200).body("sms_addresses", equalTo(List.of(ACME_ADDRESS, ACME_NUMBER)));
        as(OPS).body(Map.of("sms_addresses", List.of("GLOBEXTEST"))).patch("/api/v1/admin/tenants/globex")
                .then().statusCode(200);
    }

    @Test
    void aTextIsSubmittedWithItsReceiptRequestedAndFollowsTheReceiptToDelivered() {
        String iccid = activeSim("acme");
        String msisdn = msisdn(iccid);
        JsonPath sent = send(ACME_OPERATOR, iccid, Map.of("text", "Report your position {now}"), key())
                .statusCode(201).body("status", equalTo("queued")).body("encoding", equalTo("gsm7"))
                .body("parts", equalTo(1)).body("from", equalTo(ACME_ADDRESS)).body("to", equalTo(msisdn))
                .extract().jsonPath();
        String id = sent.getString("id");

        JsonPath delivered = awaitStatus(id, "delivered");
        assertEquals(1, delivered.getList("part_details").size());
        String smscId = delivered.getString("part_details[0].smsc_message_id");
        assertNotNull(smscId);
        assertEquals(List.of("queued", "submitted", "delivered"), delivered.getList("timeline.status"));

        SmscSimulator.Submitted submit = submitOf(smscId);
        assertEquals(msisdn.substring(1), submit.destination());
        assertEquals(ACME_ADDRESS, submit.source());
        assertEquals(0, submit.dataCoding());
        assertEquals(0, submit.esmClass() & 0x40);
        assertArrayEquals(Gsm7.encode("Report your position {now}"), submit.shortMessage());

        List<Map<String, Object>> events = TenantEvents.awaitOfType(ACME_VIEWER, iccid, "sms.status_changed");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> statuses(iccid).contains("delivered"));
        assertEquals(List.of("submitted", "delivered"), statuses(iccid));
        assertEquals(id, TenantEvents.data(events.get(0)).get("message_id"));
        as(ACME_VIEWER).get("/api/v1/sims/" + iccid + "/sms").then().statusCode(200)
                .body("items.id", hasItem(id));
        as(ACME_VIEWER).queryParam("status", "delivered").queryParam("direction", "mt").get("/api/v1/sms")
                .then().statusCode(200).body("items.id", hasItem(id));
        as(ACME_VIEWER).get("/api/v1/sims/" + iccid + "/usage").then().statusCode(200)
                .body("usage.sms_mt", equalTo(1));
    }

    @Test
    void statusesAndRepliesArriveAsSignedWebhooks() {
        String iccid = activeSim("acme");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Map<String, Object> registration = Map.of("url", receiver.endpoint("/sms", n -> WebhookReceiver.Reply.ok()),
                    "event_types", List.of("sms.status_changed", "sms.received"));
            JsonPath webhook = as(ACME_ADMIN).body(registration).post("/api/v1/webhooks").then().statusCode(201)
                    .extract().jsonPath();
            try {
                String id = send(ACME_OPERATOR, iccid, Map.of("text", "hooked"), key()).statusCode(201)
                        .extract().path("id");
                smsc.simulator().deliverFromDevice(msisdn(iccid).substring(1), ACME_ADDRESS, 0, Gsm7.encode("ack"),
                        false);
                List<WebhookReceiver.Received> got = receiver.await("/sms", all -> all.size() >= 3);
                for (WebhookReceiver.Received request : got) {
                    assertTrue(StandardWebhooksVerifier.verifies(webhook.getString("secret"),
                            request.header("webhook-id"), request.header("webhook-timestamp"),
                            request.header("webhook-signature"), request.body(), Instant.now().getEpochSecond()));
                }
                List<Object> seen = got.stream().map(r -> r.event().get("type") + ":"
                        + TenantEvents.data(r.event()).get("status")).collect(Collectors.toList());
                assertTrue(seen.containsAll(List.of("sms.status_changed:submitted", "sms.status_changed:delivered",
                        "sms.received:received")), seen.toString());
                assertTrue(got.stream().anyMatch(r -> id.equals(TenantEvents.data(r.event()).get("message_id"))));
            } finally {
                as(ACME_ADMIN).delete("/api/v1/webhooks/" + webhook.getString("id")).then().statusCode(204);
            }
        }
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheSameMessageAndSendsNothingMore() {
        String iccid = activeSim("acme");
        String key = key();
        Map<String, Object> body = Map.of("text", "once");
        String first = send(ACME_OPERATOR, iccid, body, key).statusCode(201).extract().path("id");
        String again = send(ACME_OPERATOR, iccid, body, key).statusCode(201).extract().path("id");
        assertEquals(first, again);
        problem(send(ACME_OPERATOR, iccid, Map.of("text", "twice"), key), 422, "idempotency-key-reused");
        awaitStatus(first, "delivered");
        assertEquals(1, submitsTo(msisdn(iccid)).size());
    }

    @Test
    void longTextsAreSplitWithoutBreakingAnEscapeOrASurrogatePair() {
        String iccid = activeSim("acme");
        // the euro sign (ESC 0x65) straddles the 153rd septet: it must move whole to the second part
        String gsm = "a".repeat(152) + "€" + "b".repeat(200);
        JsonPath gsmMessage = send(ACME_OPERATOR, iccid, Map.of("text", gsm), key()).statusCode(201)
                .body("encoding", equalTo("gsm7")).body("parts", equalTo(3)).extract().jsonPath();
        // a pair of surrogates (U+1F680) straddles the 67th unit
        String ucs2 = "ж".repeat(66) + "\uD83D\uDE80" + "я".repeat(80);
        JsonPath ucs2Message = send(ACME_OPERATOR, iccid, Map.of("text", ucs2), key()).statusCode(201)
                .body("encoding", equalTo("ucs2")).body("parts", equalTo(3)).extract().jsonPath();

        List<byte[]> gsmParts = userData(awaitStatus(gsmMessage.getString("id"), "delivered"), 3);
        assertEquals(152, gsmParts.get(0).length);
        assertEquals(gsm, Gsm7.decode(concat(gsmParts)));
        List<byte[]> ucs2Parts = userData(awaitStatus(ucs2Message.getString("id"), "delivered"), 3);
        assertEquals(66 * 2, ucs2Parts.get(0).length);
        assertEquals(ucs2, new String(concat(ucs2Parts), StandardCharsets.UTF_16BE));
    }

    @Test
    void binaryGoesWithTheCallersUdhAndDataCoding() {
        String iccid = activeSim("acme");
        String id = send(ACME_OPERATOR, iccid, Map.of("binary", "cafe0001", "udh", "0605040b8423f0",
                "data_coding", 245), key()).statusCode(201).body("encoding", equalTo("binary"))
                .body("binary", equalTo("cafe0001")).body("udh", equalTo("0605040b8423f0")).extract().path("id");
        JsonPath delivered = awaitStatus(id, "delivered");
        SmscSimulator.Submitted submit = submitOf(delivered.getString("part_details[0].smsc_message_id"));
        assertEquals(0x40, submit.esmClass() & 0x40);
        assertEquals(245, submit.dataCoding());
        assertEquals("0605040b8423f0cafe0001", HexFormat.of().formatHex(submit.shortMessage()));
    }

    @Test
    void eachCheckBeforeQueueingHasItsOwnProblem() {
        String iccid = activeSim("acme");
        problem(send(ACME_OPERATOR, iccid, Map.of("text", "x".repeat(1531)), key()), 422, "validation-failed");
        problem(send(ACME_OPERATOR, iccid, Map.of("text", "ж".repeat(700)), key()), 422, "sms-too-long");
        problem(send(ACME_OPERATOR, iccid, Map.of("text", "rocket \uD83D\uDE80", "encoding", "gsm7"), key()), 422,
                "validation-failed").body("errors[0].field", equalTo("text"));
        problem(send(ACME_OPERATOR, iccid, Map.of("text", "a", "binary", "00"), key()), 422, "validation-failed");
        problem(send(ACME_OPERATOR, iccid, Map.of("text", "a", "from", "GLOBEXTEST"), key()), 422,
                "validation-failed").body("errors[0].field", equalTo("from"));
        problem(send(ACME_OPERATOR, iccid, Map.of("binary", "00", "udh", "0700"), key()), 422, "validation-failed")
                .body("errors[0].field", equalTo("udh"));
        problem(as(ACME_OPERATOR).body(Map.of("text", "no key")).post("/api/v1/sims/" + iccid + "/sms").then(), 422,
                "validation-failed");
        problem(send(ACME_VIEWER, iccid, Map.of("text", "a viewer"), key()), 403, "forbidden");
        problem(send(GLOBEX_ADMIN, iccid, Map.of("text", "not mine"), key()), 404, "not-found");

        as(ACME_OPERATOR).header("If-Match", "*").body(Map.of("overrides", Map.of("sms", Map.of("mt_enabled", false))))
                .patch("/api/v1/sims/" + iccid + "/policy").then().statusCode(200);
        problem(send(ACME_OPERATOR, iccid, Map.of("text", "blocked"), key()), 409, "sms-mt-disabled");
        as(ACME_OPERATOR).header("If-Match", "*").body(Map.of("overrides", Map.of("sms", Map.of("mt_enabled", true),
                "limits", Map.of("sms_count", Map.of("limit", 2, "warn_percent", List.of(50))))))
                .patch("/api/v1/sims/" + iccid + "/policy").then().statusCode(200);
        send(ACME_OPERATOR, iccid, Map.of("text", "one part"), key()).statusCode(201);
        problem(send(ACME_OPERATOR, iccid, Map.of("text", "z".repeat(200)), key()), 409, "sms-limit-reached");
        send(ACME_OPERATOR, iccid, Map.of("text", "the last one"), key()).statusCode(201);
        problem(send(ACME_OPERATOR, iccid, Map.of("text", "over"), key()), 409, "sms-limit-reached");
        Map<String, Object> warning = TenantEvents.data(
                TenantEvents.awaitOfType(ACME_VIEWER, iccid, "usage.limit_warning").get(0));
        assertEquals(Map.of("service", "sms", "percent", 50, "used", 1, "limit", 2),
                Map.of("service", warning.get("service"), "percent", warning.get("percent"), "used",
                        warning.get("used"), "limit", warning.get("limit")));
        Map<String, Object> reached = TenantEvents.data(
                TenantEvents.awaitOfType(ACME_VIEWER, iccid, "usage.limit_reached").get(0));
        assertEquals(List.of("sms", 2, 2, "block"), List.of(reached.get("service"), reached.get("used"),
                reached.get("limit"), reached.get("action")));

        as(ACME_OPERATOR).post("/api/v1/sims/" + iccid + "/suspend").then().statusCode(200);
        problem(send(ACME_OPERATOR, iccid, Map.of("text", "suspended"), key()), 409, "sim-not-active");
    }

    @Test
    void aTenantsThroughputQuotaRefusesWhatItCannotQueueWithRetryAfterAndSpendsNothingOnWhatItDidNotQueue() {
        as(OPS).body(Map.of("quotas", Map.of("sms_per_second", 1))).patch("/api/v1/admin/tenants/globex").then()
                .statusCode(200);
        try {
            String iccid = activeSim("globex");
            String notActive = TestSims.assignedTo("globex", 1).iccids.get(0);
            String tenParts = "y".repeat(1530);
            for (int i = 0; i < 7; i++) {
                problem(send(GLOBEX_ADMIN, notActive, Map.of("text", tenParts), key()), 409, "sim-not-active");
            }
            String firstKey = key();
            String first = send(GLOBEX_ADMIN, iccid, Map.of("text", tenParts), firstKey).statusCode(201)
                    .extract().path("id");
            for (int i = 0; i < 7; i++) {
                send(GLOBEX_ADMIN, iccid, Map.of("text", tenParts), firstKey).statusCode(201).body("id", equalTo(first));
            }
            int accepted = 1;
            while (true) {
                var response = send(GLOBEX_ADMIN, iccid, Map.of("text", tenParts), key());
                if (response.extract().statusCode() == 429) {
                    problem(response, 429, "sms-throughput-exceeded");
                    assertTrue(Integer.parseInt(response.extract().header("Retry-After")) >= 1);
                    break;
                }
                response.statusCode(201);
                accepted++;
                assertTrue(accepted <= 7, "a minute of 1 SMS per second holds 6 messages of 10 parts");
            }
            // neither the 7 refused sends nor the 7 retries of the first message spent any of it
            assertEquals(6, accepted);
        } finally {
            as(OPS).body(Map.of("quotas", Map.of("sms_per_second", 10_000))).patch("/api/v1/admin/tenants/globex")
                    .then().statusCode(200);
        }
    }

    @Test
    void anAddressBelongsToOneTenant() {
        problem(as(OPS).body(Map.of("sms_addresses", List.of(ACME_ADDRESS))).patch("/api/v1/admin/tenants/globex")
                .then(), 409, "sms-address-in-use");
        problem(as(OPS).body(Map.of("sms_addresses", List.of("not a valid address!"))).patch(
                "/api/v1/admin/tenants/globex").then(), 422, "validation-failed");
    }

    @Test
    void aDevicesConcatenatedReplyIsReassembledBeforeItIsAnnounced() {
        String iccid = activeSim("acme");
        String text = "Position 52.5200N 13.4050E, battery 81%, all sensors nominal; next report in one hour. "
                + "x".repeat(100);
        byte[] septets = Gsm7.encode(text);
        int reference = 0xA7;
        byte[] second = part(reference, 2, 2, Arrays.copyOfRange(septets, 153, septets.length));
        byte[] first = part(reference, 2, 1, Arrays.copyOfRange(septets, 0, 153));
        String device = msisdn(iccid).substring(1);
        assertEquals(0, smsc.simulator().deliverFromDevice(device, ACME_NUMBER, 0, second, true));
        assertEquals(0, smsc.simulator().deliverFromDevice(device, ACME_NUMBER, 0, first, true));

        Map<String, Object> received = TenantEvents.data(
                TenantEvents.awaitOfType(ACME_VIEWER, iccid, "sms.received").get(0));
        assertEquals(text, received.get("text"));
        assertEquals(2, received.get("parts"));
        assertEquals(msisdn(iccid), received.get("from"));
        JsonPath listed = as(ACME_VIEWER).queryParam("direction", "mo").get("/api/v1/sims/" + iccid + "/sms").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("received"), listed.getList("items.status"));
        assertEquals(text, listed.getString("items[0].text"));
        as(ACME_VIEWER).get("/api/v1/sims/" + iccid + "/usage").then().statusCode(200).body("usage.sms_mo", equalTo(2));
    }

    @Test
    void aLongReplyWhosePartsDoNotAllComeWithinADayIsDroppedWholeAndAnnouncedOnce() {
        String iccid = activeSim("acme");
        byte[] septets = Gsm7.encode("z".repeat(153));
        String device = msisdn(iccid).substring(1);
        assertEquals(0, smsc.simulator().deliverFromDevice(device, ACME_NUMBER, 0, part(0x3C, 3, 2, septets), true));
        assertEquals(0, smsc.simulator().deliverFromDevice(device, ACME_NUMBER, 0, part(0x3C, 3, 3, septets), true));
        Pool owner = OwnerDatabase.open(vertx);
        try {
            owner.preparedQuery("UPDATE sms_mo_fragments SET received_at = received_at - interval '25 hours'"
                    + " WHERE iccid = $1 AND part = 2").execute(Tuple.of(iccid)).await().atMost(Duration.ofSeconds(10));
            // a set that began within the day waits on
            assertEquals(0, smsc.simulator().deliverFromDevice(device, ACME_NUMBER, 0, part(0x3D, 2, 1, septets),
                    true));
            upkeep.run().await().atMost(Duration.ofSeconds(10));
            upkeep.run().await().atMost(Duration.ofSeconds(10));

            List<Map<String, Object>> incomplete = TenantEvents.awaitOfType(ACME_VIEWER, iccid, "sms.incomplete");
            assertEquals(1, incomplete.size());
            Map<String, Object> data = TenantEvents.data(incomplete.get(0));
            assertEquals(List.of("mo", msisdn(iccid), ACME_NUMBER, 0x3C, 3, List.of(2, 3), 0),
                    List.of(data.get("direction"), data.get("from"), data.get("to"), data.get("reference"),
                            data.get("total"), data.get("received_parts"), data.get("data_coding")));
            List<Integer> waiting = new ArrayList<>();
            owner.preparedQuery("SELECT reference FROM sms_mo_fragments WHERE iccid = $1").execute(Tuple.of(iccid))
                    .await().atMost(Duration.ofSeconds(10)).forEach(row -> waiting.add(row.getInteger(0)));
            assertEquals(List.of(0x3D), waiting);
            as(ACME_VIEWER).queryParam("direction", "mo").get("/api/v1/sims/" + iccid + "/sms").then().statusCode(200)
                    .body("items", hasSize(0));
        } finally {
            owner.close();
        }
    }

    @Test
    void aReplyToTheTenantsNumberNotMarkedInternationalIsFoundAndReadInTheAlphabetItsDataCodingNames() {
        String iccid = activeSim("acme");
        String device = msisdn(iccid).substring(1);
        // IA5 (data_coding 1): '@' is 0x40, which in GSM 7-bit would be an inverted exclamation mark
        assertEquals(0, smsc.simulator().deliverFromDevice(device, ACME_NUMBER.substring(1), 1,
                "temp@site {ok}".getBytes(StandardCharsets.US_ASCII), false));
        Map<String, Object> received = TenantEvents.data(
                TenantEvents.awaitOfType(ACME_VIEWER, iccid, "sms.received").get(0));
        assertEquals("temp@site {ok}", received.get("text"));
        assertEquals(ACME_NUMBER, received.get("to"));
        JsonPath listed = as(ACME_VIEWER).queryParam("direction", "mo").get("/api/v1/sims/" + iccid + "/sms").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("ia5", listed.getString("items[0].encoding"));
    }

    @Test
    void aReplyFromASimWhosePolicyForbidsItIsBlockedAndRecorded() {
        String iccid = activeSim("acme");
        as(ACME_OPERATOR).header("If-Match", "*").body(Map.of("overrides", Map.of("sms", Map.of("mo_enabled", false))))
                .patch("/api/v1/sims/" + iccid + "/policy").then().statusCode(200);
        String device = msisdn(iccid).substring(1);
        assertEquals(0, smsc.simulator().deliverFromDevice(device, ACME_ADDRESS, 0, Gsm7.encode("hello"), false));
        Map<String, Object> blocked = TenantEvents.data(
                TenantEvents.awaitOfType(ACME_VIEWER, iccid, "sms.blocked").get(0));
        assertEquals("mo_disabled", blocked.get("error"));
        assertEquals(null, blocked.get("text"));
        as(ACME_VIEWER).get("/api/v1/sims/" + iccid + "/usage").then().statusCode(200).body("usage.sms_mo", equalTo(0));
        // a reply to an address no tenant has is taken and dropped; one whose UDH lies about its length is refused
        assertEquals(0, smsc.simulator().deliverFromDevice(device, "NOBODY", 0, Gsm7.encode("hi"), false));
        assertNotEquals(0, smsc.simulator().deliverFromDevice(device, ACME_ADDRESS, 0, new byte[] {0x20, 0x00}, true));
        JsonPath listed = as(ACME_VIEWER).get("/api/v1/sims/" + iccid + "/sms").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(List.of("blocked"), listed.getList("items.status"));
    }

    /**
     * A reply whose write outlasts the answer the SMSC waits for is rolled back, not kept: the SMSC, answered "try
     * again later" (or left without an answer), delivers it again, and that delivery is the one stored. The same text
     * sent once more by the device is a reply of its own (no deduplication by content).
     */
    @Test
    void aReplyWhoseWriteOutlastsItsAnswerIsNotKeptSoTheSmscsNextDeliveryIsStoredOnce() {
        String iccid = activeSim("acme");
        String device = msisdn(iccid).substring(1);
        assertEquals(0, smsc.simulator().deliverFromDevice(device, ACME_ADDRESS, 0, Gsm7.encode("first"), false));
        Map<String, String> notRecorded = Map.of("kind", "mo", "why", "not_recorded");
        double refusedBefore = PrometheusMetrics.sum("cellgate_smpp_deliver_refused_total", notRecorded);
        Pool owner = OwnerDatabase.open(vertx);
        SqlConnection holder = owner.getConnection().await().atMost(Duration.ofSeconds(10));
        Transaction hold = holder.begin().await().atMost(Duration.ofSeconds(10));
        try {
            // the SIM's usage counter, locked here, holds the reply's write past the answer
            assertEquals(1, holder.preparedQuery("SELECT 1 FROM usage_counters WHERE iccid = $1 FOR UPDATE")
                    .execute(Tuple.of(iccid)).await().atMost(Duration.ofSeconds(10)).size());
            assertNotEquals(0, smsc.simulator().deliverFromDevice(device, ACME_ADDRESS, 0, Gsm7.encode("again?"),
                    false));
            // held until the service itself has given up on the write (answerWithin, past the write's deadline)
            Awaitility.await().atMost(answerWithin.plusSeconds(10)).until(() -> PrometheusMetrics.sum(
                    "cellgate_smpp_deliver_refused_total", notRecorded) > refusedBefore);
        } finally {
            hold.rollback().await().atMost(Duration.ofSeconds(10));
            holder.close().await().atMost(Duration.ofSeconds(10));
            owner.close();
        }
        assertEquals(0, smsc.simulator().deliverFromDevice(device, ACME_ADDRESS, 0, Gsm7.encode("again?"), false));
        assertEquals(0, smsc.simulator().deliverFromDevice(device, ACME_ADDRESS, 0, Gsm7.encode("again?"), false));

        JsonPath listed = as(ACME_VIEWER).queryParam("direction", "mo").get("/api/v1/sims/" + iccid + "/sms").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("again?", "again?", "first"), listed.getList("items.text"));
        as(ACME_VIEWER).get("/api/v1/sims/" + iccid + "/usage").then().statusCode(200).body("usage.sms_mo", equalTo(3));
    }

    @Test
    void throttlingByTheSmscPausesAndRetriesWithoutLosingOrDuplicatingAMessage() {
        String iccid = activeSim("acme");
        smsc.simulator().throttleEvery(3);
        try {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ids.add(send(ACME_OPERATOR, iccid, Map.of("text", "throttled " + i), key()).statusCode(201)
                        .extract().path("id"));
            }
            ids.forEach(id -> awaitStatus(id, "delivered"));
            assertOncePerText(submitsTo(msisdn(iccid)), 12);
        } finally {
            smsc.simulator().throttleEvery(0);
        }
    }

    @Test
    void aReceiptOfAFailedDeliveryMakesTheMessageUndeliverable() {
        String iccid = activeSim("acme");
        smsc.simulator().failDeliveriesTo(msisdn(iccid).substring(1));
        String id = send(ACME_OPERATOR, iccid, Map.of("text", "to a dead device"), key()).statusCode(201)
                .extract().path("id");
        JsonPath failed = awaitStatus(id, "undeliverable");
        assertNotNull(failed.getString("finished_at"));
    }

    /**
     * A submit in flight when the connection drops may or may not have reached the SMSC, and nothing can tell which
     * (SMPP has no way to ask about a submit without its id). Such a part is never sent again: if the SMSC had it, its
     * receipt delivers it; if not, it stays visibly unconfirmed (and expires) rather than silently lost. Every other
     * message is sent again after the SMSC is back, and none reaches it twice.
     */
    @Test
    void theSmscRestartedMidStreamDuplicatesNothingAndLosesNothingUnseen() throws IOException {
        String iccid = activeSim("acme");
        List<String> ids = new ArrayList<>();
        smsc.simulator().pauseReceipts(true);
        for (int i = 0; i < 20; i++) {
            ids.add(send(ACME_OPERATOR, iccid, Map.of("text", "mid-stream " + i), key()).statusCode(201)
                    .extract().path("id"));
            if (i == 9) {
                smsc.simulator().stop();
            }
        }
        // the service has seen the SMSC go (its submits in flight failed or went unanswered) before it comes back
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.FALSE.equals(RestAssured
                .get("/q/health/ready").then().extract().path("checks.find { it.name == 'smsc' }.data.bound")));
        smsc.simulator().pauseReceipts(false);
        smsc.simulator().start();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> ids.stream()
                .map(id -> as(ACME_VIEWER).get("/api/v1/sms/" + id).then().extract().jsonPath())
                .allMatch(m -> "delivered".equals(m.getString("status")) || unconfirmed(m)));
        Map<String, Long> taken = submitsTo(msisdn(iccid)).stream().collect(Collectors.groupingBy(
                s -> Gsm7.decode(s.shortMessage()), Collectors.counting()));
        int unseenBySmsc = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (taken.containsKey("mid-stream " + i)) {
                assertEquals(1L, taken.get("mid-stream " + i), "mid-stream " + i + " reached the SMSC once");
                awaitStatus(ids.get(i), "delivered");
            } else {
                JsonPath message = as(ACME_VIEWER).get("/api/v1/sms/" + ids.get(i)).then().extract().jsonPath();
                assertTrue(unconfirmed(message), "mid-stream " + i + " never reached the SMSC: " + message.prettify());
                unseenBySmsc++;
            }
        }
        assertTrue(unseenBySmsc < 10, unseenBySmsc + " of 20 submits were lost with the connection");
    }

    private static boolean unconfirmed(JsonPath message) {
        return "submitted".equals(message.getString("status")) && message.getString("part_details[0].smsc_message_id")
                == null && List.of("no_submit_response", "submit_unconfirmed")
                .contains(message.getString("part_details[0].error"));
    }

    @Test
    void aSubmittedMessageWhoseReceiptNeverComesExpiresAfterItsValidityAndTheGrace() {
        String iccid = activeSim("acme");
        smsc.simulator().pauseReceipts(true);
        Pool owner = OwnerDatabase.open(vertx);
        try {
            String id = send(ACME_OPERATOR, iccid, Map.of("text", "no receipt", "validity_seconds", 60), key())
                    .statusCode(201).extract().path("id");
            awaitStatus(id, "submitted");
            owner.preparedQuery("UPDATE sms_messages SET expires_at = now() - interval '2 hours' WHERE id = $1")
                    .execute(Tuple.of(UUID.fromString(id))).await().atMost(Duration.ofSeconds(10));
            assertTrue(upkeep.run().await().atMost(Duration.ofSeconds(10)) >= 1);
            JsonPath expired = awaitStatus(id, "expired");
            assertEquals("no_receipt", expired.getString("error"));
            assertEquals("expired", expired.getString("part_details[0].state"));
        } finally {
            smsc.simulator().pauseReceipts(false);
            owner.close();
        }
    }

    private static void assertOncePerText(List<SmscSimulator.Submitted> submits, int expected) {
        Map<String, Long> perText = submits.stream().collect(Collectors.groupingBy(
                s -> Gsm7.decode(s.shortMessage()), Collectors.counting()));
        assertEquals(expected, perText.size(), "every message reached the SMSC");
        perText.forEach((text, count) -> assertEquals(1L, count, text + " was submitted once"));
    }

    private JsonPath awaitStatus(String id, String status) {
        JsonPath[] last = new JsonPath[1];
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                last[0] = as(ACME_VIEWER).get("/api/v1/sms/" + id).then().statusCode(200).extract().jsonPath();
                return status.equals(last[0].getString("status"));
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("message " + id + " is not " + status + " after 30 s: "
                    + (last[0] == null ? "never read" : last[0].prettify()), e);
        }
        return last[0];
    }

    private SmscSimulator.Submitted submitOf(String smscId) {
        return smsc.simulator().submitted().stream().filter(s -> s.messageId().equals(smscId)).findFirst()
                .orElseThrow();
    }

    private List<SmscSimulator.Submitted> submitsTo(String msisdn) {
        return smsc.simulator().submitted().stream().filter(s -> s.destination().equals(msisdn.substring(1)))
                .toList();
    }

    /** The user data of each part as the SMSC got it (the concatenation UDH checked and taken off), in order. */
    private List<byte[]> userData(JsonPath message, int parts) {
        List<byte[]> data = new ArrayList<>();
        int reference = -1;
        for (int i = 0; i < parts; i++) {
            byte[] sm = submitOf(message.getString("part_details[" + i + "].smsc_message_id")).shortMessage();
            assertEquals(5, sm[0]);
            assertEquals(0x00, sm[1]);
            assertEquals(3, sm[2]);
            reference = i == 0 ? sm[3] & 0xFF : reference;
            assertEquals(reference, sm[3] & 0xFF);
            assertEquals(parts, sm[4]);
            assertEquals(i + 1, sm[5]);
            assertNotEquals(Gsm7.ESCAPE, sm[sm.length - 1], "no part ends in the middle of an escape");
            data.add(Arrays.copyOfRange(sm, 6, sm.length));
        }
        return data;
    }

    private List<String> statuses(String iccid) {
        return TenantEvents.ofSim(ACME_VIEWER, iccid).stream()
                .filter(e -> "sms.status_changed".equals(e.get("type")))
                .map(e -> (String) TenantEvents.data(e).get("status")).toList();
    }

    private static byte[] part(int reference, int total, int number, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {5, 0, 3, (byte) reference, (byte) total, (byte) number});
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static io.restassured.response.ValidatableResponse send(String user, String iccid,
                                                                     Map<String, Object> body, String key) {
        return as(user).header("Idempotency-Key", key).body(body).post("/api/v1/sims/" + iccid + "/sms").then();
    }

    private static String activeSim(String tenant) {
        String iccid = TestSims.assignedTo(tenant, 1).iccids.get(0);
        as(tenant.equals("acme") ? ACME_OPERATOR : GLOBEX_ADMIN).post("/api/v1/sims/" + iccid + "/activate").then()
                .statusCode(200);
        return iccid;
    }

    private static String msisdn(String iccid) {
        return as(OPS).get("/api/v1/admin/sims/" + iccid).then().statusCode(200).extract().path("msisdn");
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
