package io.cellgate.network.charging;

import io.cellgate.common.problem.Problem;
import io.cellgate.common.problem.ProblemType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal in the shape of 3GPP ProblemDetails (TS 29.571): status, title, detail, the application error
 * {@code cause} of TS 29.500 and, for a malformed request, {@code invalidParams} naming each field.
 */
final class NchfProblem extends RuntimeException {
    /** One field of the request and what is wrong with it (3GPP InvalidParam). */
    record InvalidParam(String param, String reason) {
    }

    private final ProblemType type;
    private final String cause;
    private final List<InvalidParam> invalidParams;

    NchfProblem(ProblemType type, String cause, String detail, List<InvalidParam> invalidParams) {
        super(detail, null, false, false);
        this.type = type;
        this.cause = cause;
        this.invalidParams = List.copyOf(invalidParams);
    }

    static NchfProblem malformed(List<InvalidParam> invalidParams) {
        boolean missing = invalidParams.stream().allMatch(invalid -> invalid.reason().startsWith("missing"));
        return new NchfProblem(ProblemType.BAD_REQUEST, missing ? "MANDATORY_IE_MISSING"
                : "MANDATORY_IE_INCORRECT", "The charging data request is not valid", invalidParams);
    }

    static NchfProblem notJson(String detail) {
        return new NchfProblem(ProblemType.MALFORMED_JSON, "INVALID_MSG_FORMAT", detail, List.of());
    }

    static NchfProblem unknownSession(String ref) {
        return new NchfProblem(ProblemType.NOT_FOUND, "CONTEXT_NOT_FOUND", "No charging session " + ref
                + " of this network function for this subscriber", List.of());
    }

    static NchfProblem forbidden(String detail) {
        return new NchfProblem(ProblemType.FORBIDDEN, "UNSPECIFIED_MSG_FAILURE", detail, List.of());
    }

    String cause() {
        return cause;
    }

    List<InvalidParam> invalidParams() {
        return invalidParams;
    }

    Problem toProblem(String path) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("cause", cause);
        if (!invalidParams.isEmpty()) {
            extensions.put("invalidParams", invalidParams.stream()
                    .map(invalid -> Map.of("param", invalid.param(), "reason", invalid.reason())).toList());
        }
        return Problem.of(type, getMessage(), path, extensions);
    }
}
