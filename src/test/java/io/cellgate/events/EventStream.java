package io.cellgate.events;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellgate.support.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;

/** A Server-Sent Events client of /api/v1/events/stream, reading events as a browser's EventSource would. */
final class EventStream implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PORT = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);

    /** One event: its SSE id (a cursor), name (the type) and data (the Event). */
    record Received(String id, String name, Map<String, Object> event) {
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    private EventStream(String user, String query, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT
                        + "/api/v1/events/stream?" + query))
                .header("Authorization", "Bearer " + Tokens.of(user)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(answer -> {
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the stream answered " + answer.statusCode());
            }
            String[] current = new String[3];
            answer.body().forEach(line -> read(line, current));
        });
    }

    static EventStream open(String user, String query, String lastEventId) {
        return new EventStream(user, query, lastEventId);
    }

    /** The next event, within ten seconds. */
    Received next() throws InterruptedException {
        Received event = received.poll(10, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no event within 10 s" + (response.isCompletedExceptionally() ? ": the stream"
                    + " failed" : ""));
        }
        return event;
    }

    private void read(String line, String[] current) {
        if (line.startsWith("id:")) {
            current[0] = line.substring(3).strip();
        } else if (line.startsWith("event:")) {
            current[1] = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
            current[2] = line.substring(5).strip();
        } else if (line.isEmpty() && current[2] != null) {
            try {
                received.add(new Received(current[0], current[1], JSON.readValue(current[2], new TypeReference<>() {
                })));
            } catch (IOException e) {
                throw new IllegalStateException("an event's data is not JSON: " + current[2], e);
            }
            current[0] = current[1] = current[2] = null;
        }
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
        response.cancel(true);
    }
}
