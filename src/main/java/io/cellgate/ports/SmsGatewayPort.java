package io.cellgate.ports;

import io.cellgate.common.Actor;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the SMPP session to the SMSC asks of the management plane: the parts of queued messages to submit (claimed,
 * so that each is submitted by one replica), what became of each submit, the delivery receipts, and the messages
 * devices send to a tenant's address. Exactly once from the tenant's point of view: a claimed part is never claimed
 * again, and one whose replica died before it learned whether the SMSC took it is never sent again (a receipt
 * confirms it, or it expires).
 */
public interface SmsGatewayPort {

    /**
     * Claims up to {@code limit} parts due now, fairly between tenants and within each tenant's SMS throughput, for
     * this replica until {@code lease} has passed.
     */
    Uni<List<PartToSubmit>> claim(Actor smsc, String replica, int limit, Duration lease);

    /** Records what became of submits this replica claimed. */
    Uni<Void> submitted(Actor smsc, String replica, List<SubmitOutcome> outcomes);

    /** Records final delivery receipts (one that finds no part yet is kept until its part is known). */
    Uni<Void> receipts(Actor smsc, List<Receipt> receipts);

    /**
     * Takes in a device's message (or one part of it) to a tenant's address. What it writes rolls back unless it is
     * done by {@code writtenBy}: a write that outlasts the SMSC's answer must not also be kept, or the SMSC's next
     * delivery of the same message would be stored a second time.
     */
    Uni<Received> received(Actor smsc, IncomingSms sms, Instant writtenBy);

    /** Announced (as a CDI event) when the API has queued a message, so that a submitter need not wait to poll. */
    record Queued() {
    }

    /**
     * A part to submit: its short_message (UDH and user data), with the UDH indicator to set when it has one.
     * Numbers are E.164 with '+' (the device) or the tenant's address as it was registered. The attempt names this
     * claim of the part: an outcome counts for its own claim only.
     */
    record PartToSubmit(UUID messageId, int part, int attempt, String tenantId, byte[] shortMessage, String deviceNumber,
                        String tenantAddress, int dataCoding, boolean hasUdh, Instant expiresAt) {
    }

    /** What became of one submit. */
    record SubmitOutcome(UUID messageId, int part, int attempt, Result result, String smscMessageId, String error,
                         Instant retryAt) {
        public static SubmitOutcome submitted(PartToSubmit part, String smscMessageId) {
            return new SubmitOutcome(part.messageId(), part.part(), part.attempt(), Result.SUBMITTED, smscMessageId, null, null);
        }

        public static SubmitOutcome retry(PartToSubmit part, String error, Instant at) {
            return new SubmitOutcome(part.messageId(), part.part(), part.attempt(), Result.RETRY, null, error, at);
        }

        public static SubmitOutcome rejected(PartToSubmit part, String error) {
            return new SubmitOutcome(part.messageId(), part.part(), part.attempt(), Result.REJECTED, null, error, null);
        }

        public static SubmitOutcome unconfirmed(PartToSubmit part, String error) {
            return new SubmitOutcome(part.messageId(), part.part(), part.attempt(), Result.UNCONFIRMED, null, error, null);
        }
    }

    /**
     * SUBMITTED: the SMSC took it; RETRY: not sent, or refused for now (throttled, queue full); REJECTED: refused for
     * good; UNCONFIRMED: sent, but no answer came (never sent again).
     */
    enum Result { SUBMITTED, RETRY, REJECTED, UNCONFIRMED }

    /**
     * A final delivery receipt: the SMSC's message id, the outcome, the error code, and what identifies the part when
     * the id does not: the device, the tenant's address and the start of the text.
     */
    record Receipt(String smscMessageId, FinalState state, String error, Instant doneAt, String deviceNumber,
                   String tenantAddress, byte[] textStart) {
    }

    enum FinalState {
        DELIVERED("delivered"), UNDELIVERABLE("undeliverable"), EXPIRED("expired"), REJECTED("rejected");

        private final String dbValue;

        FinalState(String dbValue) {
            this.dbValue = dbValue;
        }

        public String dbValue() {
            return dbValue;
        }
    }

    /**
     * A device's message or one part of it: from the device's number to a tenant's address, its data_coding, its user
     * data without the UDH, and, for a part, the concatenation it belongs to.
     */
    record IncomingSms(String deviceNumber, String tenantAddress, int dataCoding, Concatenation concatenation,
                       byte[] userData) {
    }

    /** A part's place in a concatenated message (3GPP TS 23.040, 9.2.3.24.1 and .8). */
    record Concatenation(int reference, int total, int part) {
    }

    /**
     * STORED: a whole message was kept (and announced); PART_KEPT: a part waits for the others; BLOCKED: the SIM's
     * policy refused it (recorded); UNKNOWN: no tenant has that address, or the device's SIM is not that tenant's.
     */
    enum Received { STORED, PART_KEPT, BLOCKED, UNKNOWN }
}
