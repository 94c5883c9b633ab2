package io.cellgate.common.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details. Extension members (e.g. {@code errors}, {@code allowed_actions}) sit at the top level. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
@Schema(name = "Problem", description = "RFC 9457 problem details. Validation problems carry `errors`, each naming a `field`"
        + " (and a `row` for imports); other types carry their own members, e.g. `current_status` and `allowed_actions`.",
        example = "{\"type\":\"https://cellgate.io/problems/validation-failed\",\"title\":\"Validation failed\",\"status\":422,"
                + "\"detail\":\"id: must match ^[a-z][a-z0-9-]{1,62}$\",\"instance\":\"/api/v1/admin/tenants\","
                + "\"errors\":[{\"field\":\"id\",\"message\":\"must match ^[a-z][a-z0-9-]{1,62}$\"}]}")
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(description = "Stable URI identifying the problem type", example = "https://cellgate.io/problems/not-found",
            format = "uri", maxLength = 100)
    public final URI type;
    @Schema(example = "Resource not found", maxLength = 100)
    public final String title;
    @Schema(example = "404", minimum = "400", maximum = "599")
    public final int status;
    @Schema(example = "SIM 89490000000000000011 not found", maxLength = 2000)
    public final String detail;
    @Schema(example = "/api/v1/sims/89490000000000000011", maxLength = 8192)
    public final String instance;
    @Schema(description = "Field-level validation errors", type = SchemaType.ARRAY, implementation = FieldError.class,
            maxItems = 1000)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public final Object errors;
    @Schema(hidden = true)
    private final Map<String, Object> extensions;
    @Schema(hidden = true)
    private final ProblemType problemType;

    private Problem(ProblemType type, String detail, String instance, Map<String, Object> extensions) {
        this.type = type.uri();
        this.title = type.title();
        this.status = type.status();
        this.detail = detail;
        this.instance = instance;
        this.errors = extensions.get("errors");
        this.extensions = extensions;
        this.problemType = type;
    }

    public static Problem of(ProblemType type, String detail, String instance, Map<String, Object> extensions) {
        return new Problem(type, detail, instance, extensions == null ? Map.of() : extensions);
    }

    /** The same problem, about the given request path. */
    public Problem at(String path) {
        return new Problem(problemType, detail, path, extensions);
    }

    @JsonAnyGetter
    Map<String, Object> otherMembers() {
        var others = new java.util.LinkedHashMap<>(extensions);
        others.remove("errors");
        return others;
    }
}
