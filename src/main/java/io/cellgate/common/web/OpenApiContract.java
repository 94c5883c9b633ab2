package io.cellgate.common.web;

import io.cellgate.common.problem.Problem;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the published contract: the bearer security scheme, and on every operation the problem responses that
 * the service can give for it, so that generated clients know every error shape.
 */
public class OpenApiContract implements OASFilter {
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSecurityScheme("bearer", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("Access token from the Cellgate realm of the identity provider"));
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                addProblems(path.getKey(), entry.getKey(), entry.getValue());
            }
        }
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        add(responses, "401", "Missing, expired or invalid access token");
        add(responses, "403", "The caller's roles or tenant state do not allow this");
        if (path.contains("{") || method != PathItem.HttpMethod.GET) {
            add(responses, "404", "No such resource for this caller (other tenants' resources are never visible)");
        }
        if (hasBody) {
            add(responses, "400", "The body is not valid JSON");
            add(responses, "413", "The body is too large");
            add(responses, "415", "Unsupported Content-Type");
        }
        if (hasBody || hasParameters) {
            add(responses, "422", "Invalid input; errors name each field");
        }
        if (method == PathItem.HttpMethod.POST && path.matches(".*/(activate|suspend|resume|terminate)$")) {
            add(responses, "409", "The SIM's state does not allow this action; lists current_status and allowed_actions");
        }
        if (!path.startsWith("/api/v1/admin")) {
            add(responses, "429", "The tenant's API rate limit is used up; retry after Retry-After seconds");
            responses.getAPIResponse("429")
                    .addHeader("Retry-After", header("Seconds until a request fits again"))
                    .addHeader("RateLimit-Policy", header("IETF RateLimit-Policy: the tenant's quota, e.g."
                            + " \"tenant\";q=20;w=2"))
                    .addHeader("RateLimit", header("IETF RateLimit: requests left and seconds until the quota is"
                            + " full again, e.g. \"tenant\";r=0;t=2 (sent on every tenant response)"));
        }
        add(responses, "500", "Unexpected error (logged, no details exposed)");
    }

    private static org.eclipse.microprofile.openapi.models.headers.Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING));
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
