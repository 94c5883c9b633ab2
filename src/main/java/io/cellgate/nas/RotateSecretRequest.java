package io.cellgate.nas;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RotateSecretRequest(
        @Pattern(regexp = NasClientView.SECRET_PATTERN, message = "16 to 128 printable ASCII characters, no spaces")
        @Schema(description = "The new shared secret; absent: Cellgate makes a random one of 32 characters",
                maxLength = 128) String secret) {
}
