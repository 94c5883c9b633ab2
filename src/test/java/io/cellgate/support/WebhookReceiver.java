package io.cellgate.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * A webhook endpoint for the tests, on loopback: it records every request (headers, body, when) per path, and answers
 * as the test asks, per request number: a status, after a delay (longer than the sender's timeout: a timeout).
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request as it arrived; header names in lower case. */
    public record Received(String path, Map<String, String> headers, String body, Instant at, int status) {
        public Map<String, Object> event() {
            try {
                return JSON.readValue(body, new TypeReference<>() {
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String header(String name) {
            return headers.get(name);
        }
    }

    /** What to answer: a status after a delay. */
    public record Reply(int status, Duration delay) {
        public static Reply ok() {
            return new Reply(200, Duration.ZERO);
        }

        public static Reply status(int status) {
            return new Reply(status, Duration.ZERO);
        }

        public static Reply after(Duration delay, int status) {
            return new Reply(status, delay);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, IntFunction<Reply>> replies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.createContext("/", this::handle);
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new path's URL; its requests are answered by {@code reply} (given the request's number, from 1). */
    public String endpoint(String path, IntFunction<Reply> reply) {
        replies.put(path, reply);
        return "http://127.0.0.1:" + port() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The requests to {@code path} once {@code done} holds for them (within 30 s). */
    public List<Received> await(String path, Predicate<List<Received>> done) {
        List<List<Received>> last = new ArrayList<>(List.of(List.of()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            last.set(0, at(path));
            return done.test(last.get(0));
        });
        return last.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Reply reply = replies.getOrDefault(path, i -> Reply.status(404)).apply(n);
        try {
            // the endpoint's own processing time, which the test sets (a slow or hung endpoint): nothing is awaited here
            Thread.sleep(reply.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        received.add(new Received(path, headers, new String(body, StandardCharsets.UTF_8), Instant.now(),
                reply.status()));
        byte[] answer = ("{\"answer\": " + n + "}").getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(reply.status(), answer.length);
            exchange.getResponseBody().write(answer);
        } catch (IOException gone) {
            // the sender gave up (a timeout): nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
