package io.cellgate.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The two replicas of the packaged service that the integration tests share, as carrier ops run them side by side:
 * started once per run, at first use, and stopped when the run ends. A test that kills one starts it again.
 */
public final class Replicas {
    public static final Replica A = new Replica(8095, 21812);
    public static final Replica B = new Replica(8096, 22812);
    private static boolean started;

    private Replicas() {
    }

    public static synchronized void start() throws Exception {
        if (started) {
            return;
        }
        A.start();
        B.start();
        A.awaitReady();
        B.awaitReady();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                A.stop();
                B.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        started = true;
    }

    /** A request to {@code replica} as a demo user. */
    public static RequestSpecification on(Replica replica, String user) {
        return given().baseUri(replica.url()).auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }
}
