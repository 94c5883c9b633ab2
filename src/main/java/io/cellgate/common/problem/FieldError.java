package io.cellgate.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One offending input value: the field (dotted path, snake_case), an optional import row (1-based) and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(Integer row, String field, String message) {
    public static FieldError of(String field, String message) {
        return new FieldError(null, field, message);
    }
}
