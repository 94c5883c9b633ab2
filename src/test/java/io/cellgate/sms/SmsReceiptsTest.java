package io.cellgate.sms;

import static io.cellgate.support.Api.ACME_OPERATOR;
import static io.cellgate.support.Api.ACME_VIEWER;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellgate.common.Actor;
import io.cellgate.common.Origin;
import io.cellgate.demo.DemoSmsc;
import io.cellgate.ports.SmsGatewayPort;
import io.cellgate.ports.SmsGatewayPort.FinalState;
import io.cellgate.ports.SmsGatewayPort.PartToSubmit;
import io.cellgate.ports.SmsGatewayPort.Receipt;
import io.cellgate.ports.SmsGatewayPort.SubmitOutcome;
import io.cellgate.support.OwnerDatabase;
import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The receipt and submit paths that a healthy SMSC seldom takes, driven through the port the SMPP session uses: a
 * receipt delivered twice, one that overtakes the record of its submit, one of a part whose replica died before it
 * learned the SMSC's id, a submit's outcome written again after its part was claimed anew, and parts the upkeep must
 * expire unsent. None may count twice, leave a receipt over, put a part in flight back in the queue, or leave a part
 * that can no longer be sent waiting.
 */
@QuarkusTest
class SmsReceiptsTest {
    private static final Actor SMSC = Actor.networkFunction("test-smsc", Origin.system("test-smsc"));

    @Inject
    SmsGatewayPort gateway;
    @Inject
    DemoSmsc smsc;
    @Inject
    SmsUpkeep upkeep;
    @Inject
    Vertx vertx;
    private Pool owner;

    @BeforeAll
    static void tenant() {
        ensureTenant("acme");
    }

    @BeforeEach
    void holdTheSimulatorsReceipts() {
        smsc.simulator().pauseReceipts(true);
        owner = OwnerDatabase.open(vertx);
    }

    @AfterEach
    void release() {
        smsc.simulator().pauseReceipts(false);
        owner.close();
    }

    @Test
    void aReceiptDeliveredTwiceCountsOnce() {
        Submitted sent = submitted("twice");
        Receipt receipt = new Receipt(sent.smscId(), FinalState.DELIVERED, null, Instant.now(), "+" + sent.device(),
                sent.from(), null);
        gateway.receipts(SMSC, List.of(receipt)).await().atMost(Duration.ofSeconds(10));
        gateway.receipts(SMSC, List.of(receipt)).await().atMost(Duration.ofSeconds(10));
        assertEquals("delivered", message(sent.id()).getString("status"));
        assertEquals(0L, keptReceipts(sent.smscId()));
    }

    @Test
    void aReceiptThatOvertakesTheRecordOfItsSubmitIsKeptAndAppliedWhenTheSubmitIsRecorded() {
        Submitted sent = submitted("overtaken");
        String early = "early" + UUID.randomUUID().toString().substring(0, 8);
        asOwner("UPDATE sms_parts SET state = 'submitting', claimed_by = 'test-replica', smsc_id = NULL,"
                        + " lease_until = now() + interval '1 hour' WHERE message_id = $1", UUID.fromString(sent.id()));
        gateway.receipts(SMSC, List.of(new Receipt(early, FinalState.DELIVERED, null, Instant.now(),
                "+" + sent.device(), sent.from(), null))).await().atMost(Duration.ofSeconds(10));
        assertEquals(1L, keptReceipts(early));

        gateway.submitted(SMSC, "test-replica", List.of(SubmitOutcome.submitted(claimed(sent, 1), early)))
                .await().atMost(Duration.ofSeconds(10));
        JsonPath message = message(sent.id());
        assertEquals("delivered", message.getString("status"));
        assertEquals(early, message.getString("part_details[0].smsc_message_id"));
        assertEquals(0L, keptReceipts(early));
    }

    @Test
    void anOutcomeOfAnEarlierClaimWrittenAgainLeavesThePartClaimedAnewAlone() {
        Submitted sent = submitted("claimed anew");
        asOwner("UPDATE sms_parts SET state = 'submitting', claimed_by = 'test-replica', smsc_id = NULL,"
                        + " attempts = 2, lease_until = now() + interval '1 hour' WHERE message_id = $1",
                UUID.fromString(sent.id()));
        // the first claim's outcome, written once (its commit's answer lost) and now again: it must not put the part
        // back in the queue while the second claim's submit is in flight
        gateway.submitted(SMSC, "test-replica", List.of(SubmitOutcome.retry(claimed(sent, 1), "not_bound",
                Instant.now()))).await().atMost(Duration.ofSeconds(10));
        assertEquals("submitting", message(sent.id()).getString("part_details[0].state"));

        String second = "second" + UUID.randomUUID().toString().substring(0, 8);
        gateway.submitted(SMSC, "test-replica", List.of(SubmitOutcome.submitted(claimed(sent, 2), second)))
                .await().atMost(Duration.ofSeconds(10));
        JsonPath message = message(sent.id());
        assertEquals("submitted", message.getString("part_details[0].state"));
        assertEquals(second, message.getString("part_details[0].smsc_message_id"));
    }

    @Test
    void aPartSentWithoutItsIdIsFoundByItsDeviceAddressAndTextOnceNoSubmitCanStillClaimTheReceipt() {
        Submitted sent = submitted("unconfirmed part");
        asOwner("UPDATE sms_parts SET smsc_id = NULL, error = 'submit_unconfirmed',"
                        + " submitted_at = now() - interval '20 minutes' WHERE message_id = $1",
                UUID.fromString(sent.id()));
        String found = "found" + UUID.randomUUID().toString().substring(0, 8);
        gateway.receipts(SMSC, List.of(new Receipt(found, FinalState.UNDELIVERABLE, "err_001", Instant.now(),
                "+" + sent.device(), sent.from(), sent.text().getBytes(StandardCharsets.ISO_8859_1))))
                .await().atMost(Duration.ofSeconds(10));
        assertEquals("submitted", message(sent.id()).getString("status"), "no guess while its submit may be recorded");
        asOwner("UPDATE sms_receipts SET received_at = now() - interval '10 minutes' WHERE smsc_id = $1", found);
        upkeep.run().await().atMost(Duration.ofSeconds(10));
        JsonPath message = message(sent.id());
        assertEquals("undeliverable", message.getString("status"));
        assertEquals(found, message.getString("part_details[0].smsc_message_id"));
        assertEquals(0L, keptReceipts(found));
    }

    @Test
    void theUpkeepExpiresAPartNotSentWithinItsValidityAndTheUnsentPartOfAMessageThatFailed() {
        Submitted lapsed = submitted("lapsed");
        Submitted failed = submitted("failed " + "x".repeat(170));
        // parts back in the queue, due later (so that no submitter takes them now): the one part of a message whose
        // validity has passed, and the second part of a message whose first part could not be delivered
        asOwner("UPDATE sms_parts SET state = 'pending', smsc_id = NULL, submitted_at = NULL,"
                        + " due_at = now() + interval '1 hour' WHERE (message_id = $1 AND part = 1)"
                        + " OR (message_id = $2 AND part = 2)",
                UUID.fromString(lapsed.id()), UUID.fromString(failed.id()));
        asOwner("UPDATE sms_messages SET expires_at = now() - interval '1 minute' WHERE id = $1",
                UUID.fromString(lapsed.id()));
        asOwner("UPDATE sms_parts SET state = 'undeliverable', done_at = now() WHERE message_id = $1"
                        + " AND part = 1", UUID.fromString(failed.id()));
        asOwner("SELECT refresh_sms_status(ARRAY[$1::uuid])", UUID.fromString(failed.id()));
        assertEquals("undeliverable", message(failed.id()).getString("status"));

        upkeep.run().await().atMost(Duration.ofSeconds(10));
        JsonPath expired = message(lapsed.id());
        assertEquals("expired", expired.getString("status"));
        assertEquals("expired", expired.getString("part_details[0].state"));
        assertEquals("not_sent_in_validity", expired.getString("part_details[0].error"));
        JsonPath stillFailed = message(failed.id());
        assertEquals("undeliverable", stillFailed.getString("status"));
        assertEquals("expired", stillFailed.getString("part_details[1].state"));
        assertEquals("not_sent_in_validity", stillFailed.getString("part_details[1].error"));
    }

    /** The message's one part as the given claim of it handed it to a submitter. */
    private static PartToSubmit claimed(Submitted sent, int attempt) {
        return new PartToSubmit(UUID.fromString(sent.id()), 1, attempt, "acme", new byte[0], "+" + sent.device(),
                sent.from(), 0, false, Instant.now().plusSeconds(3600));
    }

    private record Submitted(String id, String smscId, String device, String text, String from) {
    }

    /** A message sent through the API and submitted to the simulator, whose receipt is held back. */
    private Submitted submitted(String what) {
        TestSims sims = TestSims.assignedTo("acme", 1);
        String iccid = sims.iccids.get(0);
        as(ACME_OPERATOR).post("/api/v1/sims/" + iccid + "/activate").then().statusCode(200);
        String text = what + " " + UUID.randomUUID().toString().substring(0, 8);
        String id = as(ACME_OPERATOR).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("text", text)).post("/api/v1/sims/" + iccid + "/sms").then().statusCode(201)
                .extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "submitted".equals(message(id).getString("status")));
        String device = ((String) sims.rows.get(0).get("msisdn")).substring(1);
        JsonPath submitted = message(id);
        return new Submitted(id, submitted.getString("part_details[0].smsc_message_id"), device, text,
                submitted.getString("from"));
    }

    private static JsonPath message(String id) {
        return as(ACME_VIEWER).get("/api/v1/sms/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** A statement as the tables' owner, to put rows in the states a test needs. */
    private RowSet<Row> asOwner(String sql, Object... params) {
        return owner.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10));
    }

    private long keptReceipts(String smscId) {
        return asOwner("SELECT count(*) FROM sms_receipts WHERE smsc_id = $1", smscId).iterator().next().getLong(0);
    }
}
