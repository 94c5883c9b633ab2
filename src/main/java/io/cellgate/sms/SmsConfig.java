package io.cellgate.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** A2P SMS ({@code cellgate.sms.*}; README, "SMS"). */
@ConfigMapping(prefix = "cellgate.sms")
public interface SmsConfig {
    String DEFAULT_VALIDITY = "48 h";

    /** SMS (parts) per second of a tenant whose quota does not say (tenants.sms_per_second). */
    @WithDefault("10")
    double defaultPerSecond();

    /** How many seconds of its throughput a tenant may queue at once, ahead of what is submitted. */
    @WithDefault("60")
    double acceptBurstSeconds();

    /** The sender of a tenant that has no SMS address of its own. */
    @WithDefault("Cellgate")
    String defaultSource();

    /** How long a message is tried, unless its request says. */
    @WithDefault("48h")
    Duration defaultValidity();

    /** How long after its validity a submitted part waits for its receipt before it is taken as expired. */
    @WithDefault("1h")
    Duration receiptGrace();

    /** How often expired messages are looked for, and early receipts applied (SmsUpkeep). */
    @WithDefault("30s")
    Duration upkeepInterval();

    /**
     * A receipt kept this long without its part is matched by device, address and text to a part that was sent
     * without learning its SMSC id (longer than any submit's outcome takes to be recorded: the SMPP lease and response
     * timeout).
     */
    @WithDefault("2m")
    Duration guessAfter();

    /** How long receipts that match no part, and fragments of replies that never became whole, are kept. */
    @WithDefault("24h")
    Duration keepUnmatched();
}
