package io.cellgate.nas;

import io.cellgate.common.crypto.SecretSeal;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The NAS clients' shared secrets at rest, sealed under the key of {@code cellgate.radius.secret-key} with the NAS
 * client's id as associated data ({@link SecretSeal}); those sealed under {@code cellgate.radius.previous-secret-key}
 * open too, until they are resealed. Secrets that Cellgate makes are 32 random characters.
 */
@ApplicationScoped
public class NasSecrets {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 32;

    private final SecretSeal seal;
    private final SecureRandom random = new SecureRandom();

    public NasSecrets(@ConfigProperty(name = "cellgate.radius.secret-key") String key,
                      @ConfigProperty(name = "cellgate.radius.previous-secret-key") Optional<String> previousKey) {
        this.seal = new SecretSeal("cellgate.radius.secret-key (CELLGATE_RADIUS_SECRET_KEY)", key,
                "cellgate.radius.previous-secret-key (CELLGATE_RADIUS_PREVIOUS_SECRET_KEY)", previousKey);
    }

    public byte[] encrypt(String clientId, String secret) {
        return seal.seal(clientId, secret.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] decrypt(String clientId, byte[] stored) {
        return seal.open(clientId, stored);
    }

    /** The stored secret sealed under the current key, or empty if it already is ({@link SecretSeal#resealed}). */
    Optional<byte[]> resealed(String clientId, byte[] stored) {
        return seal.resealed(clientId, stored);
    }

    public String generate() {
        StringBuilder secret = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }
}
