package io.cellgate.anomaly;

import static io.cellgate.support.Replicas.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.cellgate.support.Radclient;
import io.cellgate.support.Replica;
import io.cellgate.support.Replicas;
import io.cellgate.support.TestNas;
import io.cellgate.support.TestSims;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged service judge the same tenant's events at once, their accounting split between them:
 * each event is judged by one of them, once, so that each anomaly is raised once.
 */
class AnomalyReplicasIT {
    private static final int SIMS = 20;
    private static final String DEVICE = "3569380356438091";
    private static final String OTHER_DEVICE = "4901542032375181";

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        Replicas.start();
        on(Replicas.A, "ops").body(Map.of("id", "acme", "name", "acme (tests)")).post("/api/v1/admin/tenants");
        on(Replicas.A, "ops").body(Map.of("status", "active", "quotas",
                Map.of("api_requests_per_second", 5000, "api_burst", 10000))).patch("/api/v1/admin/tenants/acme")
                .then().statusCode(200);
        TestNas.registerAt(Replicas.A);
        Radclient.awaitKnown(TestNas.SECRET, Replicas.B.authPort());
    }

    @Test
    void twoReplicasRaiseEachAnomalyOnce() {
        TestSims sims = TestSims.generate(SIMS + 1);
        on(Replicas.A, "ops").body(sims.rows).post("/api/v1/admin/sims/import").then().statusCode(201);
        on(Replicas.B, "ops").body(Map.of("tenant_id", "acme", "iccids", sims.iccids))
                .post("/api/v1/admin/sims/assign").then().statusCode(200);
        // each SIM used in one device through A, then in another through B; the last one after all the others
        for (Map<String, Object> sim : sims.rows) {
            session(Replicas.A, sim, DEVICE);
        }
        for (Map<String, Object> sim : sims.rows) {
            session(Replicas.B, sim, OTHER_DEVICE);
        }
        String last = sims.iccids.get(SIMS);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !anomalies(Set.of(last)).isEmpty());

        List<String> raised = anomalies(Set.copyOf(sims.iccids));
        Map<String, Long> perSim = raised.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(sims.iccids.stream().collect(Collectors.toMap(Function.identity(), iccid -> 1L)), perSim,
                "one device_swap per SIM, whichever replica judged its events");
    }

    private static void session(Replica replica, Map<String, Object> sim, String imeisv) {
        String session = "anomaly-replicas-" + UUID.randomUUID();
        for (String status : List.of("Start", "Stop")) {
            Radclient.Reply reply = Radclient.acctAt(replica.acctPort(), TestNas.SECRET,
                    "Acct-Status-Type = " + status, "Acct-Session-Id = \"" + session + "\"",
                    "3GPP-IMSI = \"" + sim.get("imsi") + "\"", "3GPP-IMEISV = \"" + imeisv + "\"",
                    "Called-Station-Id = \"iot.acme\"", "Acct-Input-Octets = 0", "Acct-Output-Octets = 0");
            assertNotNull(reply, "an Accounting-Response");
            assertEquals("Accounting-Response", reply.code(), reply.output());
        }
    }

    /** The ICCIDs of the device_swap anomalies of these SIMs, one per anomaly, as the tenant reads them from B. */
    private static List<String> anomalies(Set<String> iccids) {
        List<String> found = new ArrayList<>();
        String cursor = null;
        boolean more = true;
        while (more) {
            var request = on(Replicas.B, "acme-admin").queryParam("type", "anomaly.detected").queryParam("limit", 1000);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/events").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            items.stream().filter(e -> iccids.contains((String) e.get("iccid")))
                    .filter(e -> "device_swap".equals(((Map<?, ?>) e.get("data")).get("rule")))
                    .forEach(e -> found.add((String) e.get("iccid")));
            cursor = page.getString("next_cursor");
            more = page.getBoolean("has_more");
        }
        return found;
    }
}
