package io.cellgate.nas;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Fields left out (or null) stay as they are. The secret changes only through its own rotation call. */
public record UpdateNasClientRequest(
        @Pattern(regexp = NasClientView.NAME_PATTERN, message = "1-63 letters, digits, '.', '_' or '-'")
        @Schema(example = "pgw-fra-1", maxLength = 63) String name,
        @Size(max = 49) @Schema(example = "192.0.2.0/28", pattern = NasClientView.SOURCE_PATTERN) String source,
        @Min(1) @Max(65535) @Schema(example = "3799") Integer coaPort,
        Boolean enabled) {
}
