package io.cellgate.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cellgate.support.OtlpReceiver;
import io.cellgate.support.OtlpReceiver.ReceivedSpan;
import io.cellgate.support.Replica;
import io.cellgate.support.Tokens;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A packaged replica with an OTLP endpoint configured sends its traces there: the server span of a tenant's request,
 * named by its route and carrying its request id and tenant, continues the caller's trace, and the request's database
 * statements are spans under it. Health checks are not traced.
 */
class TracingIT {
    private static final Replica REPLICA = new Replica(8101, 28812);
    private static OtlpReceiver collector;

    @BeforeAll
    static void start() throws Exception {
        collector = new OtlpReceiver();
        REPLICA.with("CELLGATE_OTLP_ENDPOINT", collector.endpoint())
                .with("CELLGATE_OTLP_PROTOCOL", "http/protobuf")
                .with("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms")
                .start().awaitReady();
    }

    @AfterAll
    static void stop() throws Exception {
        REPLICA.stop();
        collector.close();
    }

    @Test
    void aTenantRequestIsOneTraceFromTheCallersSpanThroughTheServerToItsDatabaseStatements() {
        String traceId = randomHex(16);
        String callerSpanId = randomHex(8);
        String requestId = "traced-" + UUID.randomUUID();
        given().baseUri(REPLICA.url()).auth().oauth2(Tokens.of("acme-backend"))
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .header("X-Request-Id", requestId)
                .get("/api/v1/sims?limit=5").then().statusCode(200);
        given().baseUri(REPLICA.url()).get("/q/health/ready").then().statusCode(200);

        Span server = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> receivedIn(traceId).stream().filter(span -> span.getKind() == Span.SpanKind.SPAN_KIND_SERVER)
                        .findFirst(), Optional::isPresent).get();
        assertEquals("GET /api/v1/sims", server.getName());
        assertEquals(callerSpanId, hex(server.getParentSpanId()));
        assertEquals(Optional.of(requestId), attribute(server, "cellgate.request_id"));
        assertEquals(Optional.of("acme"), attribute(server, "cellgate.tenant"));
        assertTrue(collector.spans().stream().allMatch(received -> "cellgate".equals(received.service())));

        List<Span> statements = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> receivedIn(traceId).stream().filter(span -> span.getKind() == Span.SpanKind.SPAN_KIND_CLIENT
                        && attribute(span, "db.statement").isPresent()).toList(),
                found -> found.stream().anyMatch(span -> attribute(span, "db.statement").get().contains("FROM sims")));
        for (Span statement : statements) {
            assertTrue(descendsFrom(statement, server, inTrace(traceId)), statement.getName());
            assertFalse(attribute(statement, "db.statement").get().contains("acme"), "statements show no values");
        }

        // nothing but requests starts a trace: not health checks, not the background pollers' statements
        assertTrue(collector.spans().stream().map(ReceivedSpan::span).allMatch(span ->
                        span.getKind() == Span.SpanKind.SPAN_KIND_SERVER ? !span.getName().contains("/q/")
                                : !span.getParentSpanId().isEmpty()),
                "only requests start traces");
    }

    /** The spans of a trace received so far, after checking that every export could be read. */
    private static List<Span> receivedIn(String traceId) {
        assertEquals(List.of(), collector.failures());
        return inTrace(traceId);
    }

    private static List<Span> inTrace(String traceId) {
        return collector.spans().stream().map(ReceivedSpan::span)
                .filter(span -> hex(span.getTraceId()).equals(traceId)).toList();
    }

    private static boolean descendsFrom(Span span, Span ancestor, List<Span> trace) {
        Span current = span;
        while (current != null && !current.getParentSpanId().isEmpty()) {
            if (current.getParentSpanId().equals(ancestor.getSpanId())) {
                return true;
            }
            ByteString parent = current.getParentSpanId();
            current = trace.stream().filter(candidate -> candidate.getSpanId().equals(parent)).findFirst().orElse(null);
        }
        return false;
    }

    private static Optional<String> attribute(Span span, String key) {
        return span.getAttributesList().stream().filter(attribute -> attribute.getKey().equals(key))
                .map(KeyValue::getValue).map(value -> value.getStringValue()).findFirst();
    }

    private static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new java.security.SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
