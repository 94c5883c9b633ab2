package io.cellgate.network.smpp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The SMPP session to the operator's SMSC ({@code cellgate.smpp.*}; README, "SMS"). */
@ConfigMapping(prefix = "cellgate.smpp")
public interface SmppConfig {
    /** Whether this replica binds to the SMSC and submits (every replica may). */
    @WithDefault("false")
    boolean enabled();

    @WithDefault("127.0.0.1")
    String host();

    @WithDefault("2775")
    int port();

    /** The ESME's system_id and password (never logged). */
    String systemId();

    Optional<String> password();

    Optional<String> systemType();

    /** The most submits awaiting their submit_sm_resp at once. */
    @WithDefault("64")
    int window();

    /** The most parts claimed from the queue at once (never more than the free window). */
    @WithDefault("256")
    int claimBatch();

    /** How long a claimed part is this replica's before another takes it as sent without an answer. */
    @WithDefault("60s")
    Duration lease();

    /** How long a submit waits for its submit_sm_resp before it counts as sent without an answer. */
    @WithDefault("10s")
    Duration responseTimeout();

    @WithDefault("30s")
    Duration enquireLink();

    /** The first wait before binding again after the session was lost; doubled up to reconnectMax. */
    @WithDefault("1s")
    Duration reconnectMin();

    @WithDefault("60s")
    Duration reconnectMax();

    /** The pause of all submits after the SMSC answered ESME_RTHROTTLED or ESME_RMSGQFUL. */
    @WithDefault("1s")
    Duration throttleBackoff();

    /** How often the queue is looked at when nothing announced new messages. */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * How long a deliver_sm may take to be made durable before it is answered "try again later" (keep it below the
     * SMSC's response timer). A reply whose write is not done by four fifths of it rolls back, so what is answered
     * "try again later" was not stored, and the SMSC's next delivery of it is stored once.
     */
    @WithDefault("5s")
    Duration answerWithin();

    /** Threads that take deliver_sm (receipts and replies) in: receipts are written together, in groups. */
    @WithDefault("32")
    int receiveThreads();

    /** This replica's name in the parts it claims (default: the host name and a random suffix). */
    Optional<String> replicaId();
}
