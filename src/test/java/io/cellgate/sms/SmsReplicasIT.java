package io.cellgate.sms;

import static io.cellgate.support.Replicas.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.demo.SmscSimulator;
import io.cellgate.support.Replica;
import io.cellgate.support.Replicas;
import io.cellgate.support.TestSims;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged service bound to one SMSC at once (a simulator speaking SMPP over TCP in this JVM):
 * each message is submitted by exactly one of them, and killing one (SIGKILL) between submit and receipt, or while
 * it submits, loses no message a tenant was told was queued and sends none twice.
 */
class SmsReplicasIT {
    private static SmscSimulator smsc;
    private static String iccid;
    private static String device;

    @BeforeAll
    static void start() throws Exception {
        smsc = new SmscSimulator(Replica.SMSC_PORT, "cellgate", Replica.SMSC_PASSWORD, 50);
        smsc.start();
        Replicas.start();
        on(Replicas.A, "ops").body(Map.of("id", "acme", "name", "acme (tests)")).post("/api/v1/admin/tenants");
        on(Replicas.A, "ops").body(Map.of("status", "active", "quotas", Map.of("api_requests_per_second", 5000,
                "api_burst", 10000, "sms_per_second", 10_000))).patch("/api/v1/admin/tenants/acme")
                .then().statusCode(200);
        TestSims sims = TestSims.generate(1);
        on(Replicas.A, "ops").body(sims.rows).post("/api/v1/admin/sims/import").then().statusCode(201);
        on(Replicas.A, "ops").body(Map.of("tenant_id", "acme", "iccids", sims.iccids))
                .post("/api/v1/admin/sims/assign").then().statusCode(200);
        iccid = sims.iccids.get(0);
        device = ((String) sims.rows.get(0).get("msisdn")).substring(1);
        on(Replicas.A, "acme-operator").post("/api/v1/sims/" + iccid + "/activate").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> smsc.boundSessions() == 2);
    }

    @AfterAll
    static void stop() {
        smsc.stop();
    }

    @Test
    void twoBoundReplicasShareTheSubmitsAndNeitherSendsAMessageTheOtherSent() {
        List<String> ids = sendMany("shared", 300);
        awaitAll(ids, "delivered");
        Map<String, List<SmscSimulator.Submitted>> byText = submitsByText("shared");
        assertEquals(300, byText.size(), "every message reached the SMSC");
        byText.forEach((text, submits) -> assertEquals(1, submits.size(), text + " was submitted once"));
        Set<String> sessions = byText.values().stream().map(s -> s.get(0).sessionId()).collect(Collectors.toSet());
        assertEquals(2, sessions.size(), "both replicas submitted");
    }

    @Test
    void aReplicaKilledBetweenSubmitAndReceiptLosesNothing() throws Exception {
        smsc.pauseReceipts(true);
        List<String> ids;
        try {
            ids = sendMany("receipt-pending", 100);
            awaitAll(ids, "submitted");
            Replicas.A.kill();
        } finally {
            smsc.pauseReceipts(false);
        }
        try {
            awaitAll(ids, "delivered");
            submitsByText("receipt-pending").forEach((text, submits) -> assertEquals(1, submits.size(), text));
        } finally {
            Replicas.A.start().awaitReady();
        }
    }

    @Test
    void aReplicaKilledWhileItSubmitsLosesNothingAndSendsNothingTwice() throws Exception {
        on(Replicas.B, "ops").body(Map.of("quotas", Map.of("sms_per_second", 10))).patch("/api/v1/admin/tenants/acme")
                .then().statusCode(200);
        List<String> ids;
        try {
            ids = sendMany("mid-stream", 600);
            // killed while the queue drains (at 10 a second, slower than the API queues): some of the messages
            // reached the SMSC, not all
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> submitsByText("mid-stream").size() >= 100);
            assertTrue(submitsByText("mid-stream").size() < 600, "the replica is killed mid-stream");
            Replicas.A.kill();
            Replicas.A.start();
        } finally {
            on(Replicas.B, "ops").body(Map.of("quotas", Map.of("sms_per_second", 10_000)))
                    .patch("/api/v1/admin/tenants/acme").then().statusCode(200);
        }
        Replicas.A.awaitReady();
        AtomicReference<Map<String, List<SmscSimulator.Submitted>>> byText = new AtomicReference<>();
        AtomicLong unsent = new AtomicLong();
        // every message ends delivered, or, when its part was claimed by the killed replica and never written to the
        // SMSC, submitted without an SMSC id once the lease ran out (it expires later; it is never sent twice)
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            byText.set(submitsByText("mid-stream"));
            unsent.set(0);
            for (String id : ids) {
                var message = on(Replicas.B, "acme-viewer").get("/api/v1/sms/" + id).then().statusCode(200)
                        .extract().jsonPath();
                boolean unconfirmed = "submitted".equals(message.getString("status"))
                        && "submit_unconfirmed".equals(message.getString("part_details[0].error"))
                        && !byText.get().containsKey(message.getString("text"));
                if (unconfirmed) {
                    unsent.incrementAndGet();
                } else if (!"delivered".equals(message.getString("status"))) {
                    return false;
                }
            }
            return true;
        });
        byText.get().forEach((text, submits) -> assertEquals(1, submits.size(), text + " was submitted once"));
        assertEquals(ids.size() - unsent.get(), byText.get().size());
        assertTrue(unsent.get() <= 64, unsent.get() + " messages claimed by the killed replica and never written");
        System.out.printf("mid-stream kill: %d of %d messages reached the SMSC, %d claimed and never written%n",
                byText.get().size(), ids.size(), unsent.get());
    }

    /** Sends {@code count} one-part messages to the SIM, alternating between the replicas; answers their ids. */
    private static List<String> sendMany(String tag, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Replica replica = i % 2 == 0 ? Replicas.A : Replicas.B;
            ids.add(on(replica, "acme-operator").header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("text", tag + " " + i)).post("/api/v1/sims/" + iccid + "/sms").then()
                    .statusCode(201).extract().path("id"));
        }
        return ids;
    }

    /** Waits until every message is in this status. */
    private static void awaitAll(List<String> ids, String status) {
        Set<String> done = new java.util.HashSet<>();
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (String id : ids) {
                if (!done.contains(id) && status.equals(on(Replicas.B, "acme-viewer").get("/api/v1/sms/" + id)
                        .then().statusCode(200).extract().path("status"))) {
                    done.add(id);
                }
            }
            return done.size() == ids.size();
        });
    }

    private static Map<String, List<SmscSimulator.Submitted>> submitsByText(String tag) {
        return smsc.submitted().stream().filter(s -> s.destination().equals(device))
                .collect(Collectors.groupingBy(s -> Gsm7.decode(s.shortMessage())))
                .entrySet().stream().filter(e -> e.getKey().startsWith(tag + " "))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
