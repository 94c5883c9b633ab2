package io.cellgate.nas;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreateNasClientRequest(
        @NotNull @Pattern(regexp = NasClientView.NAME_PATTERN, message = "1-63 letters, digits, '.', '_' or '-'")
        @Schema(example = "pgw-fra-1", maxLength = 63) String name,
        @NotNull @Size(max = 49) @Schema(description = "An IPv4 or IPv6 address, or a network in CIDR notation; must not"
                + " overlap another NAS client's", example = "192.0.2.10", pattern = NasClientView.SOURCE_PATTERN)
        String source,
        @Pattern(regexp = NasClientView.SECRET_PATTERN, message = "16 to 128 printable ASCII characters, no spaces")
        @Schema(description = "The shared secret; absent: Cellgate makes a random one of 32 characters", maxLength = 128)
        String secret,
        @Min(1) @Max(65535) @Schema(description = "Disconnect/CoA port (default 3799)", example = "3799") Integer coaPort,
        @Schema(description = "Default true") Boolean enabled) {
}
