package io.cellgate.support;

import java.io.IOException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * FreeRADIUS' radclient as the NAS of the tests: sends one request of the given attributes (radclient's syntax, one
 * "Name = value" per line) to the service's RADIUS ports and reads the answer it prints.
 */
public final class Radclient {
    public static final String HOST = "127.0.0.1";
    public static final int AUTH_PORT = 11812;
    public static final int ACCT_PORT = 11813;

    /** The answer: its code (Access-Accept, ...) and attributes by name, each with its values in order. */
    public record Reply(String code, Map<String, List<String>> attributes, String output) {
        public String first(String attribute) {
            List<String> values = attributes.get(attribute);
            return values == null ? null : values.get(0);
        }
    }

    private Radclient() {
    }

    /** An Access-Request with a Message-Authenticator (radclient computes the 0x00 placeholder). */
    public static Reply auth(String secret, String... attributes) {
        return authAt(AUTH_PORT, secret, attributes);
    }

    /** The same, to the authentication port of another server (a packaged replica). */
    public static Reply authAt(int port, String secret, String... attributes) {
        return send("auth", port, secret, withMessageAuthenticator(attributes));
    }

    /** An Access-Request exactly as given: no Message-Authenticator unless it is among the attributes. */
    public static Reply authAsIs(String secret, String... attributes) {
        return send("auth", AUTH_PORT, secret, List.of(attributes));
    }

    public static Reply acct(String secret, String... attributes) {
        return acctAt(ACCT_PORT, secret, attributes);
    }

    /** The same, to the accounting port of another server (a packaged replica). */
    public static Reply acctAt(int port, String secret, String... attributes) {
        return send("acct", port, secret, List.of(attributes));
    }

    /** Waits until the service answers this NAS (it learns of a new NAS client or secret within moments). */
    public static void awaitKnown(String secret, int port) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                authAt(port, secret, "User-Name = \"000000000000000\"") != null);
    }

    /** null when no answer came (radclient tries once and waits a second). */
    private static Reply send(String type, int port, String secret, List<String> attributes) {
        try {
            Process radclient = new ProcessBuilder("radclient", "-x", "-r", "1", "-t", "1",
                    HOST + ":" + port, type, secret).redirectErrorStream(true).start();
            radclient.getOutputStream().write((String.join("\n", attributes) + "\n").getBytes(StandardCharsets.UTF_8));
            radclient.getOutputStream().close();
            String output = new String(radclient.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!radclient.waitFor(20, TimeUnit.SECONDS)) {
                radclient.destroyForcibly();
                throw new AssertionError("radclient did not finish: " + output);
            }
            return parse(output);
        } catch (IOException e) {
            throw new AssertionError("radclient could not run (scripts/test installs freeradius-utils)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> withMessageAuthenticator(String[] attributes) {
        List<String> all = new ArrayList<>(List.of(attributes));
        all.add("Message-Authenticator = 0x00");
        return all;
    }

    static Reply parse(String output) {
        String code = null;
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("Received ")) {
                code = line.split(" ")[1];
            } else if (code != null && line.startsWith("\t") && line.contains(" = ")) {
                String[] parts = line.strip().split(" = ", 2);
                String value = parts[1].startsWith("\"") && parts[1].endsWith("\"")
                        ? parts[1].substring(1, parts[1].length() - 1) : parts[1];
                attributes.computeIfAbsent(parts[0], name -> new ArrayList<>()).add(value);
            }
        }
        return code == null ? null : new Reply(code, attributes, output);
    }
}
