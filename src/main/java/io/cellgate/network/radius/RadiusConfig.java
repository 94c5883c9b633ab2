package io.cellgate.network.radius;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The RADIUS server's configuration ({@code cellgate.radius.*}; README, "Configuration"). */
@ConfigMapping(prefix = "cellgate.radius")
public interface RadiusConfig {
    /** Whether the RADIUS ports are opened. */
    @WithDefault("true")
    boolean enabled();

    /** The address the UDP ports are bound to. */
    @WithDefault("0.0.0.0")
    String host();

    @WithDefault("1812")
    int authPort();

    @WithDefault("1813")
    int acctPort();

    /**
     * Sockets bound to each port (SO_REUSEPORT, each on its own event loop); with the JDK's transport instead of
     * the native one, one.
     */
    @WithDefault("2")
    int socketsPerPort();

    /** The key that encrypts the NAS clients' shared secrets at rest: 32 bytes, base64 (read by the NAS registry). */
    String secretKey();

    /** While that key is rotated, the key it replaces (read by the NAS registry; README, "Key rotation"). */
    Optional<String> previousSecretKey();

    /** Acct-Interim-Interval given in every Access-Accept. */
    @WithDefault("300")
    int interimIntervalSeconds();

    /** A session that missed this many interim updates in a row is closed as stale. */
    @WithDefault("3")
    int staleAfterIntervals();

    /**
     * How long a request's answer is kept, at least (at most twice as long), to answer its retransmissions (same
     * source, identifier and authenticator).
     */
    @WithDefault("15s")
    Duration duplicateWindow();

    /** The most accounting reports committed in one transaction. */
    @WithDefault("1000")
    int accountingBatch();

    /**
     * The most accounting transactions in flight at once. Fewer means larger batches (each transaction costs the
     * database more than each report in it); about the database's cores is best (docs/benchmarks.md).
     */
    @WithDefault("2")
    int accountingCommits();

    /** Disconnect-Requests (RFC 5176) to the NAS. */
    Disconnect disconnect();

    interface Disconnect {
        /** The wait for the first answer; it doubles with each retransmission. */
        @WithDefault("1s")
        Duration timeout();

        @WithDefault("3")
        int attempts();
    }
}
