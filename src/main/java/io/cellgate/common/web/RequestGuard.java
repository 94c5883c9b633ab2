package io.cellgate.common.web;

import io.cellgate.common.Origin;
import io.cellgate.common.UntrustedText;
import io.cellgate.common.problem.FieldError;
import io.cellgate.common.problem.Problem;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemMappers;
import io.cellgate.common.problem.ProblemType;
import io.cellgate.common.trace.SpanAttributes;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The first look at every API request. It captures the request's {@link Origin} (escaped, so that even a refusal of
 * hostile input can be recorded), then refuses what must not go further: a request head over the size limits (414,
 * 431), query parameters that are not valid UTF-8 (400) or hold a NUL or another control character (422), a recorded
 * header (User-Agent, X-Request-Id) of that kind (422) and an If-Match that names no ETag of this API (422). Every
 * answer carries the request's id. Path parameters are values of the API's own types, each checked where it is made
 * ({@link ApiParamConverters}); JSON strings are checked as they are read ({@code common.json}).
 */
public class RequestGuard {
    public static final String REQUEST_ID = "X-Request-Id";
    /** The request id in the log context (MDC) of every line logged for the request. */
    public static final String REQUEST_ID_LOG_KEY = "request_id";
    private static final int MAX_TARGET = 2000;
    private static final int MAX_USER_AGENT = 300;

    @Inject
    RequestOrigin origin;
    @Inject
    RequestLimits limits;

    @ServerRequestFilter(preMatching = true)
    public Response guard(ContainerRequestContext request, HttpServerRequest http) {
        String sentId = http.getHeader(REQUEST_ID);
        String method = UntrustedText.forRecord(http.method().name(), 20);
        String target = UntrustedText.forRecord(http.path(), MAX_TARGET);
        String requestId = sentId == null ? UUID.randomUUID().toString()
                : UntrustedText.forRecord(sentId, ClientKeys.MAX_LENGTH);
        origin.set(new Origin(method, target, method + " " + target,
                http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(),
                UntrustedText.forRecord(http.getHeader(HttpHeaders.USER_AGENT), MAX_USER_AGENT), requestId));
        origin.routedBy(request.getUriInfo().getPath());
        MDC.put(REQUEST_ID_LOG_KEY, requestId);
        SpanAttributes.set(SpanAttributes.REQUEST_ID, requestId);
        if (sentId == null || ClientKeys.isValid(sentId)) {
            // On the Vert.x response, so that streamed answers, which skip the response filters, carry it too.
            http.response().headers().set(REQUEST_ID, requestId);
        }
        acceptSuccessAlongsideProblems(request);
        Problem refused = limits.exceeded(http);
        if (refused == null) {
            try {
                checkQuery(http.query());
                checkHeader(HttpHeaders.USER_AGENT, http.getHeader(HttpHeaders.USER_AGENT), MAX_USER_AGENT);
                checkRequestId(sentId);
                IfMatch.checkSyntax(http.getHeader(IfMatch.HEADER));
            } catch (ProblemException e) {
                refused = e.toProblem(target);
            }
        }
        return refused == null ? null : ProblemMappers.respond(refused);
    }

    /**
     * A client that accepts problem details only is let through to the operation: that is how a client generated from
     * the contract calls an operation whose success has no body (204), and a 406 would refuse what the contract allows.
     */
    private static void acceptSuccessAlongsideProblems(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith(Problem.MEDIA_TYPE)
                && !accept.contains(",")) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept + ", " + MediaType.APPLICATION_JSON);
        }
    }

    /** Names the request by the operation it matched (its operationId), for the audit trail. */
    @ServerRequestFilter
    public void name(ResourceInfo resource) {
        Operation operation = resource == null || resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(Operation.class);
        Origin current = origin.get();
        if (operation != null && current != null) {
            origin.set(new Origin(current.method(), current.target(), operation.operationId(), current.clientIp(),
                    current.userAgent(), current.requestId()));
        }
    }

    private static void checkQuery(String query) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), "query");
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), name);
            String problem = UntrustedText.problem(name, false);
            if (problem != null) {
                throw ProblemException.invalid("query", "parameter names " + problem);
            }
            problem = UntrustedText.problem(value, false);
            if (problem != null) {
                throw ProblemException.invalid(name, problem);
            }
        }
    }

    private static void checkHeader(String name, String value, int maxLength) {
        if (value == null) {
            return;
        }
        if (value.length() > maxLength) {
            throw ProblemException.invalid(name, "at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            throw ProblemException.invalid(name, "must not contain NUL or other control characters");
        }
    }

    private static void checkRequestId(String requestId) {
        if (requestId != null && !ClientKeys.isValid(requestId)) {
            throw ProblemException.invalid(REQUEST_ID, ClientKeys.RULE);
        }
    }

    /** Percent-decoding of a query component ('+' is a space) that refuses bad escapes and bytes that are not UTF-8. */
    private static String decode(String raw, String field) {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    throw malformed(field, "has a '%' that is not followed by two hex digits");
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else if (c == '+') {
                bytes.put((byte) ' ');
            } else if (c <= 0xff) {
                bytes.put((byte) c); // the HTTP layer hands over each byte of the request line as one character
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(bytes.flip()).toString(); // a new decoder reports errors
        } catch (CharacterCodingException e) {
            throw malformed(field, "is not valid UTF-8 once percent-decoded");
        }
    }

    private static ProblemException malformed(String field, String message) {
        return new ProblemException(ProblemType.BAD_REQUEST, field + " " + message,
                java.util.Map.of("errors", List.of(FieldError.of(field, message))));
    }
}
