package io.cellgate.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One offending input value: the field (dotted path, snake_case), an optional import row (1-based) and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FieldError")
public record FieldError(
        @Schema(description = "The import row, from 1", minimum = "0", maximum = "100000") Integer row,
        @Schema(description = "Dotted path of the field, e.g. policy.data.apns[2]", maxLength = 2000) String field,
        @Schema(description = "What is wrong, or what is expected", maxLength = 500) String message) {
    public static FieldError of(String field, String message) {
        return new FieldError(null, field, message);
    }
}
