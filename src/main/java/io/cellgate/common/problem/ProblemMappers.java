package io.cellgate.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.cellgate.common.db.PgErrors;
import io.cellgate.common.json.JsonConfig;
import io.cellgate.common.json.JsonPaths;
import io.cellgate.common.json.Naming;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure, ours and the framework's, into RFC 9457 problem+json. No stack trace leaves the service. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** A restart of PostgreSQL takes seconds; the pool opens new connections as soon as it answers again. */
    private static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        Response response = respond(e.toProblem(request.path()));
        if (e.retryAfterSeconds() != null) {
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        }
        return response;
    }

    @ServerExceptionMapper(priority = 1)
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        if (e.getResponse().getEntity() instanceof Problem problem) {
            return respond(problem.at(request.path()));
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, request);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 404 -> "No resource at " + request.path();
            case 405 -> request.method() + " is not allowed on " + request.path();
            case 406 -> "This resource answers application/json (and application/problem+json for errors)";
            case 415 -> "Content-Type " + request.getHeader(HttpHeaders.CONTENT_TYPE) + " is not accepted here";
            default -> status >= 500 ? "Unexpected error" : e.getMessage();
        };
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(type, detail, request.path(), Map.of()));
        if (e instanceof NotAllowedException && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            builder.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return builder.build();
    }

    /** Listed apart from {@link #json}: the JSON extension brings its own mappers for exactly these types. */
    @ServerExceptionMapper({MismatchedInputException.class, JsonParseException.class})
    public Response jsonSubtypes(JsonProcessingException e, HttpServerRequest request) {
        return json(e, request);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        return respond(jsonProblem(e).toProblem(request.path()));
    }

    /**
     * Syntax errors (and bytes that are not UTF-8) are 400 malformed-json, naming where the parser was; limits of the
     * parser are 400 too; well-formed JSON with a wrong field or type is 422 naming the field.
     */
    private static ProblemException jsonProblem(JsonProcessingException e) {
        if (hasCause(e, StreamConstraintsException.class)) {
            return malformed("The body exceeds the JSON limits: at most " + JsonConfig.MAX_NESTING + " levels of nesting"
                    + " and numbers of at most " + JsonConfig.MAX_NUMBER_LENGTH + " digits", e);
        }
        boolean syntax = e instanceof JsonParseException || e.getCause() instanceof JsonParseException;
        if (!syntax && e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            if (e instanceof UnrecognizedPropertyException) {
                return ProblemException.invalid(JsonPaths.of(mapping), "unknown field");
            }
            String message = e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage()
                    : "wrong type or format";
            return ProblemException.invalid(JsonPaths.of(mapping), message);
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return malformed("The body is not valid JSON (UTF-8)" + where, e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException malformed(String detail, JsonProcessingException e) {
        String field = e.getProcessor() instanceof JsonParser parser ? JsonPaths.of(parser.getParsingContext()) : null;
        return new ProblemException(ProblemType.MALFORMED_JSON, detail, field == null ? Map.of()
                : Map.of("errors", List.of(FieldError.of(field, "the JSON is malformed here"))));
    }

    @ServerExceptionMapper
    public Response validation(ResteasyReactiveViolationException e, HttpServerRequest request) {
        return violations(e, request);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, HttpServerRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(FieldError.of(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return respond(ProblemException.invalid(errors).toProblem(request.path()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(HttpServerRequest request) {
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"cellgate\"")
                .entity(Problem.of(ProblemType.UNAUTHORIZED,
                        "A valid bearer token from the Cellgate identity provider is required", request.path(), Map.of()))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "Your roles do not allow this operation", request.path(), Map.of()));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (PgErrors.isUnavailable(e)) {
            LOG.warnf("%s %s: the database is not available (%s)", request.method(), request.path(), e.toString());
            Response response = respond(Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                    "The database is not available; try again shortly", request.path(), Map.of()));
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS);
            return response;
        }
        LOG.error("Unexpected failure on " + request.method() + " " + request.path(), e);
        return respond(Problem.of(ProblemType.INTERNAL_ERROR, "Unexpected error; it has been logged", request.path(), Map.of()));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** Drops the method and parameter nodes of a bean-validation path: {@code create.body.name} becomes {@code name}. */
    private static String fieldOf(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                names.clear();
                names.add(Naming.snake(node.getName()));
                continue;
            }
            if (names.size() == 1 && isWrapperParameter(names.get(0))) {
                names.clear();
            }
            String name = node.getName() == null ? "" : Naming.snake(node.getName());
            names.add(node.getIndex() != null ? name + "[" + node.getIndex() + "]" : name);
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    /** Parameters that only wrap the fields the client sent: a body, or a bundle of query parameters. */
    private static boolean isWrapperParameter(String name) {
        return name.equals("body") || name.equals("request") || name.equals("query") || name.equals("page");
    }
}
