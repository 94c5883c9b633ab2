package io.cellgate.common.web;

import io.cellgate.common.problem.Problem;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the published contract with what every operation shares, so that generated clients know every answer:
 * the bearer scheme; the problem responses the service can give for each operation (those of the request guard, the
 * authentication, the rate limit and the error mappers for all, and for some what their shape implies: a body, path
 * parameters, If-Match); the rate-limit headers; and the bounds of the framework's own types.
 */
public class OpenApiContract implements OASFilter {
    /** A calendar date (ISO 8601, as java.time.LocalDate writes it). */
    public static final String DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String HEADERS = "#/components/headers/";
    private static final String RATE_LIMIT = "RateLimit";
    private static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    private static final String RETRY_AFTER = "Retry-After";
    /** What the API accepts in free text of a body: no control characters but tab, line feed and carriage return. */
    private static final String MULTILINE_TEXT = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]*$";
    /** ... and in a query parameter or header: no control characters at all. */
    private static final String SINGLE_LINE_TEXT = "^[^\\x00-\\x1F\\x7F-\\x9F]*$";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSecurityScheme("bearer", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("Access token (JWT) from the Cellgate realm of the identity provider, verified as RFC8725"
                        + " asks: the realm's signature and algorithm, issuer, audience cellgate-api and expiry. The"
                        + " security requirement of each operation lists the realm roles it needs; every carrier-ops"
                        + " operation needs carrier-ops and a login with a second factor"));
        openAPI.getComponents()
                .addHeader(RATE_LIMIT, header("IETF RateLimit: requests left and seconds until the tenant's quota is"
                        + " full again, e.g. \"tenant\";r=17;t=2. Sent on every answer to a tenant's caller",
                        "^\"tenant\";r=[0-9]+;t=[0-9]+$", 60))
                .addHeader(RATE_LIMIT_POLICY, header("IETF RateLimit-Policy: the tenant's quota, e.g."
                        + " \"tenant\";q=20;w=2. Sent on every answer to a tenant's caller",
                        "^\"tenant\";q=[0-9]+;w=[0-9]+$", 60))
                .addHeader(RETRY_AFTER, OASFactory.createHeader().description("Seconds until a request fits again")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                                .minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(3600))));
        boundFrameworkTypes(openAPI.getComponents().getSchemas());
        openAPI.getComponents().getSchemas().values().forEach(schema -> restrictText(schema, MULTILINE_TEXT));
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                addProblems(path.getKey(), entry.getKey(), entry.getValue());
                restrictParameters(entry.getValue());
                boundEtags(entry.getValue());
                entry.getValue().getResponses().getAPIResponses().forEach(OpenApiContract::addRateLimitHeaders);
            }
        }
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        boolean hasBody = operation.getRequestBody() != null;
        add(responses, "400", "Malformed request: a query parameter that is not UTF-8, or a body that is not JSON");
        add(responses, "401", "Missing, expired or invalid access token");
        add(responses, "403", "The caller's roles, second factor or tenant state do not allow this");
        if (path.contains("{") || method != PathItem.HttpMethod.GET) {
            add(responses, "404", "No such resource for this caller (other tenants' resources are never visible)");
        }
        if (hasBody) {
            add(responses, "413", "The body is too large");
        }
        if (hasBody || method != PathItem.HttpMethod.GET) {
            add(responses, "415", "Unsupported Content-Type");
        }
        if (hasIfMatch(operation)) {
            add(responses, "412", "If-Match names a version that is no longer current: read again, then write");
            add(responses, "428", "If-Match is missing: send the ETag of the version you change, or *");
        }
        add(responses, "414", "The request line is too long");
        add(responses, "422", "Invalid input (a parameter, a recorded header or the body); errors name each field");
        add(responses, "429", "The tenant's API rate limit is used up; retry after Retry-After seconds");
        responses.getAPIResponse("429").addHeader(RETRY_AFTER, OASFactory.createHeader().ref(HEADERS + RETRY_AFTER));
        add(responses, "431", "The request's headers are too large");
        add(responses, "500", "Unexpected error (logged, no details exposed)");
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.charAt(0) >= '4' && response.getContent() == null) {
                response.content(problemContent());
            }
        });
        if (responses.hasAPIResponse("503")) {
            responses.getAPIResponse("503").addHeader(RETRY_AFTER, OASFactory.createHeader().ref(HEADERS + RETRY_AFTER));
        }
    }

    /** ETags, and the If-Match that names one, have the same shape everywhere. */
    private static void boundEtags(Operation operation) {
        if (operation.getParameters() != null) {
            operation.getParameters().stream()
                    .filter(p -> p.getIn() == Parameter.In.HEADER && IfMatch.HEADER.equalsIgnoreCase(p.getName()))
                    .forEach(p -> p.schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            .pattern(IfMatch.PATTERN).maxLength(IfMatch.MAX_LENGTH)));
        }
        operation.getResponses().getAPIResponses().values().stream()
                .filter(response -> response.getHeaders() != null && response.getHeaders().containsKey("ETag"))
                .forEach(response -> response.getHeaders().get("ETag").schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING).pattern(IfMatch.ETAG_PATTERN).maxLength(IfMatch.MAX_LENGTH)));
    }

    /**
     * Free text (a string with no pattern, format or enumeration of its own) says what the request guard and the JSON
     * reader enforce for every string: no control characters.
     */
    private static void restrictText(Schema schema, String pattern) {
        if (schema == null || schema.getRef() != null) {
            return;
        }
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING) && schema.getPattern() == null
                && schema.getFormat() == null && schema.getEnumeration() == null) {
            schema.pattern(pattern);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> restrictText(property, pattern));
        }
        restrictText(schema.getItems(), pattern);
        restrictText(schema.getAdditionalPropertiesSchema(), pattern);
    }

    private static void restrictParameters(Operation operation) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> restrictText(parameter.getSchema(), SINGLE_LINE_TEXT));
        }
        if (operation.getRequestBody() != null) {
            restrictText(operation.getRequestBody().getContent());
        }
        operation.getResponses().getAPIResponses().values().forEach(response -> restrictText(response.getContent()));
    }

    private static void restrictText(Content content) {
        if (content != null) {
            content.getMediaTypes().values().forEach(media -> restrictText(media.getSchema(), MULTILINE_TEXT));
        }
    }

    private static boolean hasIfMatch(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && IfMatch.HEADER.equalsIgnoreCase(p.getName()));
    }

    /** The RateLimit headers go with every answer to a tenant's caller, errors included. */
    private static void addRateLimitHeaders(String code, APIResponse response) {
        if (code.startsWith("2") || code.startsWith("4")) {
            response.addHeader(RATE_LIMIT, OASFactory.createHeader().ref(HEADERS + RATE_LIMIT));
            response.addHeader(RATE_LIMIT_POLICY, OASFactory.createHeader().ref(HEADERS + RATE_LIMIT_POLICY));
        }
    }

    /** Types the framework describes without bounds: timestamps (RFC 3339), dates and UUIDs. */
    private static void boundFrameworkTypes(Map<String, Schema> schemas) {
        if (schemas.get("Instant") != null) {
            schemas.get("Instant").maxLength(35).pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2})$");
        }
        if (schemas.get("UUID") != null) {
            schemas.get("UUID").maxLength(36);
        }
        if (schemas.get("LocalDate") != null) {
            schemas.get("LocalDate").maxLength(10).pattern(DATE_PATTERN);
        }
    }

    private static Header header(String description, String pattern, int maxLength) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern(pattern).maxLength(maxLength));
    }

    /** Adds the problem response, or gives one the framework added bare (e.g. 400 for validated bodies) its shape. */
    private static void add(APIResponses responses, String code, String description) {
        APIResponse existing = responses.getAPIResponse(code);
        if (existing != null && existing.getContent() != null) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse().description(description).content(problemContent());
        responses.addAPIResponse(code, response);
    }

    private static Content problemContent() {
        MediaType mediaType = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF));
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, mediaType);
    }
}
