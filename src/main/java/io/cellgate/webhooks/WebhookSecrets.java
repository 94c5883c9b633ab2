package io.cellgate.webhooks;

import io.cellgate.common.crypto.SecretSeal;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Webhook signing secrets as Standard Webhooks writes them: {@code whsec_} and the base64 of 32 random bytes, the
 * bytes being the HMAC key. Stored sealed under {@code cellgate.webhooks.secret-key} (by default the RADIUS secrets'
 * key) with the webhook's id as associated data; shown once, when made.
 */
@ApplicationScoped
public class WebhookSecrets {
    static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;

    private final SecretSeal seal;
    private final SecureRandom random = new SecureRandom();

    public WebhookSecrets(@ConfigProperty(name = "cellgate.webhooks.secret-key") String key,
                          @ConfigProperty(name = "cellgate.webhooks.previous-secret-key") Optional<String> previousKey) {
        this.seal = new SecretSeal("cellgate.webhooks.secret-key (CELLGATE_WEBHOOKS_SECRET_KEY)", key,
                "cellgate.webhooks.previous-secret-key (CELLGATE_WEBHOOKS_PREVIOUS_SECRET_KEY)", previousKey);
    }

    /** A new secret, as the tenant is shown it. */
    String generate() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    byte[] seal(String webhookId, String secret) {
        return seal.seal(webhookId, secret.getBytes(StandardCharsets.US_ASCII));
    }

    /** The stored secret sealed under the current key, or empty if it already is ({@link SecretSeal#resealed}). */
    Optional<byte[]> resealed(String webhookId, byte[] stored) {
        return seal.resealed(webhookId, stored);
    }

    /** The HMAC key of a stored secret. */
    byte[] signingKey(String webhookId, byte[] stored) {
        String secret = new String(seal.open(webhookId, stored), StandardCharsets.US_ASCII);
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
