package io.cellgate.common.problem;

import java.util.List;
import java.util.Map;

/** Thrown anywhere to answer with a problem of a stable type. */
public class ProblemException extends RuntimeException {
    private static final String RETRY_AFTER = "retry_after_seconds";
    private final ProblemType type;
    private final Map<String, Object> extensions;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public ProblemException(ProblemType type, String detail, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.type = type;
        this.extensions = extensions;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " not found");
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(FieldError.of(field, message)));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " invalid fields";
        return new ProblemException(ProblemType.VALIDATION_FAILED, detail, Map.of("errors", errors));
    }

    /** A refusal that may succeed later: answered with Retry-After, and retry_after_seconds in the problem. */
    public static ProblemException retryLater(ProblemType type, String detail, long seconds) {
        return new ProblemException(type, detail, Map.of(RETRY_AFTER, seconds));
    }

    /** Seconds to wait before a retry, when the problem says so. */
    public Long retryAfterSeconds() {
        return extensions.get(RETRY_AFTER) instanceof Long seconds ? seconds : null;
    }

    public ProblemType type() {
        return type;
    }

    public Problem toProblem(String instance) {
        return Problem.of(type, getMessage(), instance, extensions);
    }
}
