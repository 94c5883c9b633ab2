package io.cellgate.charging;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreateChargingFunctionRequest(
        @NotNull @Pattern(regexp = ChargingFunctionView.NAME_PATTERN, message = "1-63 letters, digits, '.', '_' or '-'")
        @Schema(example = "smsf-fra-1", maxLength = 63) String name,
        @NotNull @Pattern(regexp = ChargingFunctionView.CLIENT_PATTERN, message = "1-255 printable ASCII characters")
        @Schema(description = "The identity provider's client id of the function", example = "smsf-fra-1",
                maxLength = 255) String clientId,
        @Schema(description = "Default true") Boolean enabled) {
}
