package io.cellgate.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellgate.common.UntrustedText;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one attempt: the event as JSON, signed (Standard Webhooks), POSTed to the address its host resolves to now,
 * checked again ({@link WebhookAddresses}) and connected to as checked. Timeouts are short: connecting, and the whole
 * exchange. A redirect is not followed (it is an answer like any other non-2xx). Of the answer's body only the first
 * KiB is read, and kept with its control characters escaped.
 */
@ApplicationScoped
public class WebhookSender {
    static final String USER_AGENT = "Cellgate-Webhooks/1.0";
    private static final int BODY_KEPT = 1024;
    private static final int ERROR_KEPT = 500;

    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper json;
    @Inject
    WebhookSecrets secrets;
    @Inject
    WebhookAddresses addresses;
    @ConfigProperty(name = "cellgate.webhooks.connect-timeout", defaultValue = "3s")
    Duration connectTimeout;
    @ConfigProperty(name = "cellgate.webhooks.timeout", defaultValue = "10s")
    Duration timeout;
    @ConfigProperty(name = "cellgate.webhooks.max-in-flight", defaultValue = "512")
    int maxInFlight;

    private HttpClient client;

    @PostConstruct
    void open() {
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) connectTimeout.toMillis())
                .setMaxPoolSize(maxInFlight).setKeepAlive(true).setVerifyHost(true).setForceSni(true)
                .setMaxRedirects(0));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    Uni<Attempt.Outcome> send(Attempt.Claim claim) {
        Instant at = Instant.now();
        if (claim.event() == null) {
            return Uni.createFrom().item(Attempt.Outcome.failed(claim, at, null, "an event this replica cannot read"
                    + " (of a newer release's type, or removed past the retention)"));
        }
        WebhookTarget target;
        try {
            target = WebhookTarget.parse(claim.url(), claim.httpAllowed());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Attempt.Outcome.failed(claim, at, null, "url refused: " + e.getMessage()));
        }
        return addresses.check(target).ifNoItem().after(timeout).failWith(() -> new WebhookAddresses.Refused(
                        target.host() + " did not resolve within " + timeout.toMillis() + " ms"))
                .flatMap(address -> post(claim, target, address, at))
                .onFailure(WebhookAddresses.Refused.class)
                .recoverWithItem(e -> Attempt.Outcome.failed(claim, at, null, "address refused: " + e.getMessage()));
    }

    private Uni<Attempt.Outcome> post(Attempt.Claim claim, WebhookTarget target, InetAddress address, Instant at) {
        byte[] body = body(claim);
        String id = claim.event().id().toString();
        long timestamp = Instant.now().getEpochSecond();
        List<byte[]> keys = new ArrayList<>(2);
        keys.add(secrets.signingKey(claim.webhookId().toString(), claim.secret()));
        if (claim.previousSecret() != null) {
            keys.add(secrets.signingKey(claim.webhookId().toString(), claim.previousSecret()));
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(), address.getHostAddress()))
                .setHost(target.host()).setPort(target.port()).setSsl(target.tls()).setURI(target.requestUri())
                .setFollowRedirects(false).setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(timeout.toMillis())
                .putHeader("content-type", "application/json").putHeader("user-agent", USER_AGENT)
                .putHeader(WebhookSignature.ID, id).putHeader(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .putHeader(WebhookSignature.SIGNATURE, WebhookSignature.header(keys, id, timestamp, body));
        long started = System.nanoTime();
        return Uni.createFrom().emitter(emitter -> {
            Promise<Attempt.Outcome> done = Promise.promise();
            AtomicBoolean over = new AtomicBoolean();
            AtomicReference<HttpClientRequest> request = new AtomicReference<>();
            long timer = vertx.setTimer(timeout.toMillis(), t -> {
                if (over.compareAndSet(false, true)) {
                    HttpClientRequest sent = request.get();
                    if (sent != null) {
                        sent.reset();
                    }
                    done.complete(Attempt.Outcome.failed(claim, at, elapsed(started), "timeout after "
                            + timeout.toMillis() + " ms"));
                }
            });
            client.request(options).onComplete(opened -> {
                if (opened.failed()) {
                    finish(over, done, Attempt.Outcome.failed(claim, at, elapsed(started), error(opened.cause())));
                    return;
                }
                HttpClientRequest opening = opened.result();
                request.set(opening);
                if (over.get()) {
                    opening.reset();
                    return;
                }
                opening.send(Buffer.buffer(body)).onComplete(answered -> {
                    if (answered.failed()) {
                        finish(over, done, Attempt.Outcome.failed(claim, at, elapsed(started),
                                error(answered.cause())));
                        return;
                    }
                    read(claim, at, started, opening, answered.result(), over, done);
                });
            });
            done.future().onComplete(outcome -> {
                vertx.cancelTimer(timer);
                emitter.complete(outcome.result());
            });
        });
    }

    /** The status, and the body's first KiB: a longer body is cut there (and its connection dropped). */
    private static void read(Attempt.Claim claim, Instant at, long started, HttpClientRequest request,
                             HttpClientResponse response, AtomicBoolean over, Promise<Attempt.Outcome> done) {
        Buffer head = Buffer.buffer();
        Runnable end = () -> finish(over, done, new Attempt.Outcome(claim.deliveryId(), claim.attempt(), at,
                elapsed(started), response.statusCode(), text(head), null));
        response.handler(chunk -> {
            head.appendBuffer(chunk, 0, Math.min(chunk.length(), BODY_KEPT - head.length()));
            if (head.length() >= BODY_KEPT) {
                end.run();
                request.reset();
            }
        });
        response.exceptionHandler(e -> end.run());
        response.endHandler(v -> end.run());
    }

    private static void finish(AtomicBoolean over, Promise<Attempt.Outcome> done, Attempt.Outcome outcome) {
        if (over.compareAndSet(false, true)) {
            done.complete(outcome);
        }
    }

    private byte[] body(Attempt.Claim claim) {
        try {
            return json.writeValueAsBytes(claim.event());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event could not be written as JSON", e);
        }
    }

    private static Integer elapsed(long started) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
    }

    private static String error(Throwable failure) {
        return UntrustedText.forRecord(failure.getClass().getSimpleName() + ": " + failure.getMessage(), ERROR_KEPT);
    }

    private static String text(Buffer head) {
        return head.length() == 0 ? null
                : UntrustedText.forRecord(new String(head.getBytes(), StandardCharsets.UTF_8), BODY_KEPT * 6);
    }
}
