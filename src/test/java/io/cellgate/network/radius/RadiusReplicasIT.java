package io.cellgate.network.radius;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.network.radius.codec.AttributeType;
import io.cellgate.network.radius.codec.PacketSigning;
import io.cellgate.network.radius.codec.RadiusAttribute;
import io.cellgate.network.radius.codec.RadiusPacket;
import io.cellgate.support.Radclient;
import io.cellgate.support.Replica;
import io.cellgate.support.Replicas;
import io.cellgate.support.TestNas;
import io.cellgate.support.TestSims;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged service, as carrier ops run them behind one RADIUS address: a change made through one
 * reaches the decisions of the other within a second, and a replica killed (SIGKILL) in the middle of an accounting
 * load loses nothing it acknowledged.
 */
class RadiusReplicasIT {
    private static final Replica A = Replicas.A;
    private static final Replica B = Replicas.B;
    private static final int SESSIONS = 40;
    private static final long STEP = 1000;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        Replicas.start();
        on(A, "ops").body(Map.of("id", "acme", "name", "acme (tests)")).post("/api/v1/admin/tenants");
        on(A, "ops").body(Map.of("status", "active", "quotas", Map.of("api_requests_per_second", 5000,
                "api_burst", 10000))).patch("/api/v1/admin/tenants/acme").then().statusCode(200);
        TestNas.registerAt(A);
        Radclient.awaitKnown(TestNas.SECRET, B.authPort());
    }

    @Test
    void aChangeMadeThroughOneReplicaReachesTheOthersDecisionsWithinASecond() {
        TestSims sims = activeSims(1);
        String[] request = RadiusAccessTest.request(sims, 0, null, null);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                "Access-Accept".equals(code(Radclient.authAt(B.authPort(), TestNas.SECRET, request))));

        on(A, "acme-admin").post("/api/v1/sims/" + sims.first() + "/suspend").then().statusCode(200);

        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(() ->
                "Access-Reject".equals(code(Radclient.authAt(B.authPort(), TestNas.SECRET, request))));
    }

    @Test
    void everyAcknowledgedAccountingReportSurvivesAKilledReplica() throws Exception {
        TestSims sims = activeSims(SESSIONS);
        AtomicLongArray acknowledged = new AtomicLongArray(SESSIONS);
        AtomicLongArray sent = new AtomicLongArray(SESSIONS);
        AtomicLong answers = new AtomicLong();
        ExecutorService nas = Executors.newFixedThreadPool(SESSIONS);
        List<Future<?>> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            int session = i;
            String imsi = (String) sims.rows.get(i).get("imsi");
            sessions.add(nas.submit(() -> account(session, imsi, acknowledged, sent, answers)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> answers.get() >= 20L * SESSIONS);
        A.kill();
        for (Future<?> session : sessions) {
            session.get();
        }
        nas.shutdown();
        A.start().awaitReady();

        long total = 0;
        for (int i = 0; i < SESSIONS; i++) {
            JsonPath usage = on(A, "acme-admin").get("/api/v1/sims/" + sims.iccids.get(i) + "/usage").then()
                    .statusCode(200).extract().jsonPath();
            long up = usage.getLong("usage.data_bytes_up");
            assertTrue(up >= acknowledged.get(i), "SIM " + i + ": acknowledged " + acknowledged.get(i) + ", counted "
                    + up);
            assertTrue(up <= sent.get(i) && up % STEP == 0, "SIM " + i + ": counted " + up + " is a report's own"
                    + " counter (sent up to " + sent.get(i) + "), never a sum of two");
            assertEquals(2 * up, usage.getLong("usage.data_bytes_down"));
            total += acknowledged.get(i);
        }
        System.out.printf("killed under accounting load: %d answers before the kill, %d bytes acknowledged%n",
                answers.get(), total);
    }

    /**
     * One NAS session: Interim-Updates with growing counters, each retransmitted (the very same packet) until it is
     * answered, as a NAS does; gives up when the replica no longer answers.
     */
    private static void account(int session, String imsi, AtomicLongArray acknowledged, AtomicLongArray sent,
                                AtomicLong answers) {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(400);
            for (long counter = STEP; ; counter += STEP) {
                byte[] request = interim(imsi, "kill-" + imsi, counter, 2 * counter, (int) (counter / STEP) & 0xFF);
                sent.set(session, counter);
                if (!answered(socket, request)) {
                    return;
                }
                acknowledged.set(session, counter);
                answers.incrementAndGet();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean answered(DatagramSocket socket, byte[] request) throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), A.acctPort()));
            byte[] buffer = new byte[4096];
            try {
                socket.receive(new DatagramPacket(buffer, buffer.length));
                return buffer[0] == RadiusPacket.ACCOUNTING_RESPONSE;
            } catch (SocketTimeoutException e) {
                // the NAS sends the same packet again
            }
        }
        return false;
    }

    private static byte[] interim(String imsi, String session, long input, long output, int identifier) {
        ByteBuffer vsa = ByteBuffer.allocate(6 + imsi.length()).putInt(AttributeType.VENDOR_3GPP)
                .put((byte) AttributeType.THREE_GPP_IMSI).put((byte) (2 + imsi.length())).put(imsi.getBytes());
        return PacketSigning.request(RadiusPacket.ACCOUNTING_REQUEST, identifier, List.of(
                RadiusAttribute.integer(AttributeType.ACCT_STATUS_TYPE, 3),
                RadiusAttribute.text(AttributeType.ACCT_SESSION_ID, session),
                new RadiusAttribute(AttributeType.VENDOR_SPECIFIC, vsa.array()),
                RadiusAttribute.integer(AttributeType.ACCT_INPUT_OCTETS, input),
                RadiusAttribute.integer(AttributeType.ACCT_OUTPUT_OCTETS, output)), TestNas.SECRET.getBytes());
    }

    private static TestSims activeSims(int count) {
        TestSims sims = TestSims.generate(count);
        on(A, "ops").body(sims.rows).post("/api/v1/admin/sims/import").then().statusCode(201);
        on(A, "ops").body(Map.of("tenant_id", "acme", "iccids", sims.iccids)).post("/api/v1/admin/sims/assign")
                .then().statusCode(200);
        for (String iccid : sims.iccids) {
            on(A, "acme-admin").post("/api/v1/sims/" + iccid + "/activate").then().statusCode(200);
        }
        return sims;
    }

    private static RequestSpecification on(Replica replica, String user) {
        return Replicas.on(replica, user);
    }

    private static String code(Radclient.Reply reply) {
        return reply == null ? null : reply.code();
    }
}
