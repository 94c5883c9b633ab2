package io.cellgate.identity;

import io.cellgate.common.problem.Problem;
import io.cellgate.common.problem.ProblemMappers;
import io.cellgate.common.problem.ProblemType;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The identity provider's admin API is down or slow: say so and when to retry, never hang. */
public class IdentityProviderProblems {
    private static final Logger LOG = Logger.getLogger(IdentityProviderProblems.class);

    @ServerExceptionMapper({IdentityProviderUnavailable.class, CircuitBreakerOpenException.class,
            TimeoutException.class})
    public Response unavailable(HttpServerRequest request, Throwable failure) {
        LOG.warnf("%s %s: the identity provider is not available (%s: %s)", request.method(), request.path(),
                failure.getClass().getSimpleName(), failure.getCause() == null ? failure.getMessage()
                        : failure.getCause().toString());
        return Response.fromResponse(ProblemMappers.respond(Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                        "The identity provider is not available; try again shortly", request.path(), Map.of())))
                .header(HttpHeaders.RETRY_AFTER, 10).build();
    }
}
