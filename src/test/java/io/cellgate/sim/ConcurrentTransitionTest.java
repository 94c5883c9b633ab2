package io.cellgate.sim;

import static io.cellgate.support.Api.ACME_OPERATOR;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellgate.support.TestSims;
import io.cellgate.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrentTransitionTest {

    /** For each SIM, two activations race; exactly one wins and the history holds exactly one activation. */
    @Test
    void twoSimultaneousTransitionsOfOneSimCannotBothWin() throws Exception {
        ensureTenant("acme");
        TestSims sims = TestSims.assignedTo("acme", 20);
        Tokens.of(ACME_OPERATOR);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String iccid : sims.iccids) {
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<Integer>> racers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    racers.add(CompletableFuture.supplyAsync(() -> {
                        awaitQuietly(start);
                        return as(ACME_OPERATOR).post("/api/v1/sims/" + iccid + "/activate").statusCode();
                    }, pool));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (CompletableFuture<Integer> racer : racers) {
                    statuses.add(racer.get());
                }
                statuses.sort(Integer::compare);
                assertEquals(List.of(200, 409), statuses, "activation race on " + iccid);
                as(ACME_OPERATOR).get("/api/v1/sims/" + iccid + "/history").then()
                        .body("items", hasSize(2)).body("items[1].action", equalTo("activate"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
