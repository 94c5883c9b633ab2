package io.cellgate.common.crypto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What resealing one kind of stored secret found (POST /api/v1/admin/secret-keys/reseal). */
@Schema(name = "ResealedSecrets")
public record ResealedSecrets(
        @Schema(description = "The kind of secret", enumeration = {"nas_client_secrets", "webhook_secrets"})
        String secrets,
        @Schema(description = "Sealed under the previous key, now under the current one", minimum = "0",
                maximum = "2147483647") int resealed,
        @Schema(description = "Already under the current key", minimum = "0", maximum = "2147483647")
        int alreadyCurrent,
        @Schema(description = "The owners (NAS clients, webhooks) of the secrets that no configured key opens: give"
                + " them a new secret (rotate it)", maxItems = 100000, type = SchemaType.ARRAY,
                implementation = ResealedSecrets.Owner.class) List<String> unreadable) {

    @Schema(name = "SealedSecretOwner", type = SchemaType.STRING, maxLength = 60,
            example = "3f1c2a0e-1d4b-4c1a-9d8e-2b7c4a1f3e60", description = "A NAS client's or webhook's id; a"
                    + " webhook's previous secret is its id followed by \" (previous secret)\"")
    interface Owner {
    }
}
