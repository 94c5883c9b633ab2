package io.cellgate.common.web;

import io.cellgate.common.problem.Problem;
import io.cellgate.common.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared body larger than the limit before reading it, with a problem+json 413 (the HTTP layer's own
 * refusal would be a bare status line).
 */
@ApplicationScoped
public class BodySizeLimit {
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && isLarger(declared, limit)) {
                RequestLimits.refuse(ctx, Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The body may be at most " + limit
                        + " bytes; split large imports into several requests", ctx.request().path(), Map.of()));
            } else {
                ctx.next();
            }
        });
    }

    private static boolean isLarger(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
