package io.cellgate.charging;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChargingFunction", description = "A network function of the core (SMF, SMSF, IMS) allowed to ask"
        + " online charging: the OAuth2 client it gets its tokens with (client credentials, realm role nf-charging)")
public record ChargingFunctionView(
        UUID id,
        @Schema(example = "smsf-fra-1", pattern = NAME_PATTERN, maxLength = 63) String name,
        @Schema(description = "The identity provider's client id of the function (the azp of its tokens)",
                example = "smsf-fra-1", pattern = CLIENT_PATTERN, maxLength = 255) String clientId,
        @Schema(description = "A disabled function's requests are refused (403)") boolean enabled,
        Instant createdAt,
        Instant updatedAt) {
    static final String NAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$";
    static final String CLIENT_PATTERN = "^[\\x21-\\x7E]{1,255}$";
}
