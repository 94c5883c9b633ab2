package io.cellgate.charging;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record UpdateChargingFunctionRequest(
        @Pattern(regexp = ChargingFunctionView.NAME_PATTERN, message = "1-63 letters, digits, '.', '_' or '-'")
        @Schema(example = "smsf-fra-1", maxLength = 63) String name,
        Boolean enabled) {
}
