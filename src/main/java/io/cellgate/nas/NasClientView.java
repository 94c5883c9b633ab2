package io.cellgate.nas;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NasClient", description = "A packet gateway (PGW, GGSN or SMF) allowed to ask Cellgate over RADIUS")
public record NasClientView(
        UUID id,
        @Schema(example = "pgw-fra-1", pattern = NAME_PATTERN, maxLength = 63) String name,
        @Schema(description = "The address or network its RADIUS packets come from", example = "192.0.2.10/32",
                pattern = SOURCE_PATTERN, maxLength = 49) String source,
        @Schema(description = "UDP port of its Disconnect/CoA server (RFC 5176)", example = "3799", minimum = "1",
                maximum = "65535") int coaPort,
        boolean enabled,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The RADIUS shared secret to configure on the NAS: only in the answer that sets it"
                + " (creation, rotation), never again", pattern = SECRET_PATTERN, maxLength = 128) String secret,
        Instant createdAt,
        Instant updatedAt) {
    static final String NAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$";
    static final String SOURCE_PATTERN = "^[0-9A-Fa-f:.]{2,45}(/[0-9]{1,3})?$";
    static final String SECRET_PATTERN = "^[\\x21-\\x7E]{16,128}$";

    NasClientView withSecret(String shownOnce) {
        return new NasClientView(id, name, source, coaPort, enabled, shownOnce, createdAt, updatedAt);
    }
}
