package io.cellgate.common.web;

import io.cellgate.common.problem.Problem;
import io.cellgate.common.problem.ProblemType;
import io.netty.handler.codec.http.HttpMessageDecoderResult;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The size limits of a request's head, answered with problem+json: 414 for a request line longer than
 * {@code cellgate.http.max-request-line}, 431 for headers larger than {@code cellgate.http.max-header-size}. The HTTP
 * layer's own limits (quarkus.http.limits) are set higher, because what it refuses gets a bare status line that no
 * code of ours can dress; beyond them that is still what a client gets. API requests are refused by
 * {@link RequestGuard}, so that their refusal is audited like any other; the rest (health, metrics, the contract) here.
 */
@ApplicationScoped
public class RequestLimits {
    @ConfigProperty(name = "cellgate.http.max-request-line", defaultValue = "8192")
    int maxRequestLine;
    @ConfigProperty(name = "cellgate.http.max-header-size", defaultValue = "20K")
    MemorySize maxHeaderSize;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            Problem refused = ctx.normalizedPath().startsWith("/api/") ? null : exceeded(ctx.request());
            if (refused == null) {
                ctx.next();
            } else {
                refuse(ctx, refused);
            }
        });
    }

    /**
     * Answers a request refused before any resource with its problem, and on HTTP/1 closes the connection: what is
     * left of the request (an unread body) must not be read as the next one.
     */
    static void refuse(RoutingContext ctx, Problem refused) {
        boolean http1 = ctx.request().version() != HttpVersion.HTTP_2;
        ctx.response().setStatusCode(refused.status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (http1) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        ctx.response().end(Json.encode(refused)).onComplete(sent -> {
            if (http1) {
                ctx.request().connection().close();
            }
        });
    }

    /** The problem of a request whose line or headers are too long, or null when both fit. */
    Problem exceeded(HttpServerRequest request) {
        long line;
        long headers;
        if (request.decoderResult() instanceof HttpMessageDecoderResult decoded) {
            line = decoded.initialLineLength();
            headers = decoded.headerSize();
        } else {
            line = request.method().name().length() + request.uri().length() + 10;
            headers = 0;
            for (Map.Entry<String, String> header : request.headers()) {
                headers += header.getKey().length() + 2 + header.getValue().length();
            }
        }
        if (line > maxRequestLine) {
            return Problem.of(ProblemType.URI_TOO_LONG, "The request line may be at most " + maxRequestLine
                    + " bytes; it has " + line, null, Map.of());
        }
        if (headers > maxHeaderSize.asLongValue()) {
            return Problem.of(ProblemType.HEADERS_TOO_LARGE, "The headers may be at most " + maxHeaderSize.asLongValue()
                    + " bytes in all; they have " + headers, null, Map.of());
        }
        return null;
    }
}
