package io.cellgate.support;

import static io.restassured.RestAssured.given;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * A replica of the packaged service (target/quarkus-app), started as its own process against the test PostgreSQL and
 * Keycloak (their settings come from the environment scripts/test exports), on its own HTTP and RADIUS ports, with
 * webhooks allowed to reach loopback (the tests' receivers), and bound (once it listens) to the tests' SMSC.
 */
public final class Replica {
    /** The SMSC the replicas bind to: a simulator the integration tests run ({@code SmsReplicasIT}). */
    public static final int SMSC_PORT = 12776;
    public static final String SMSC_PASSWORD = "it-smpp";
    private final int httpPort;
    private final int authPort;
    private final Map<String, String> environment = new HashMap<>();
    private Process process;

    public Replica(int httpPort, int authPort) {
        this.httpPort = httpPort;
        this.authPort = authPort;
    }

    /** Sets an environment variable of the replica's process (e.g. to reach a dependency through a proxy). */
    public Replica with(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int authPort() {
        return authPort;
    }

    public int acctPort() {
        return authPort + 1;
    }

    /** Starts the replica (its log goes to target/replica-PORT.log); {@link #awaitReady} waits for it. */
    public Replica start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx384m", "-Dquarkus.http.port=" + httpPort,
                "-Dcellgate.webhooks.allow-loopback=true",
                "-Dcellgate.radius.auth-port=" + authPort, "-Dcellgate.radius.acct-port=" + acctPort(),
                "-Dcellgate.smpp.enabled=true", "-Dcellgate.smpp.port=" + SMSC_PORT,
                "-Dcellgate.smpp.password=" + SMSC_PASSWORD, "-Dcellgate.smpp.reconnect-max=2s",
                "-Dcellgate.smpp.poll-interval=0.2s", "-Dcellgate.smpp.lease=5s",
                "-Dcellgate.sms.default-per-second=1000", "-Dcellgate.sms.upkeep-interval=1s",
                "-Dcellgate.sms.guess-after=3s",
                "-jar", System.getProperty("cellgate.app.jar"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        new File("target/replica-" + httpPort + ".log")));
        builder.environment().putAll(environment);
        process = builder.start();
        return this;
    }

    public Replica awaitReady() {
        Awaitility.await().atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() ->
                given().get(url() + "/q/health/ready").statusCode() == 200);
        return this;
    }

    /** SIGKILL: the process ends at once, with whatever it had in flight. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, and waits (up to 30 s) for the replica to have shut down and closed its connections. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
