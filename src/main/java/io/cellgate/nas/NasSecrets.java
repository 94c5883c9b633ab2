package io.cellgate.nas;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The NAS clients' shared secrets at rest: AES-256-GCM under the key of {@code cellgate.radius.secret-key} (32 bytes,
 * base64), a fresh 12-byte nonce per secret, stored as nonce || ciphertext || tag. The NAS client's id is the
 * associated data, so a secret copied onto another client's row does not decrypt. Secrets that Cellgate makes are 32
 * random characters.
 */
@ApplicationScoped
public class NasSecrets {
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 32;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public NasSecrets(@ConfigProperty(name = "cellgate.radius.secret-key") String key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("cellgate.radius.secret-key (CELLGATE_RADIUS_SECRET_KEY) must be 32 bytes,"
                    + " base64-encoded, e.g. the output of: openssl rand -base64 32");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public byte[] encrypt(String clientId, String secret) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, clientId, nonce, secret.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    }

    public byte[] decrypt(String clientId, byte[] stored) {
        ByteBuffer in = ByteBuffer.wrap(stored);
        byte[] nonce = new byte[NONCE_LENGTH];
        in.get(nonce);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        return cipher(Cipher.DECRYPT_MODE, clientId, nonce, sealed);
    }

    public String generate() {
        StringBuilder secret = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }

    private byte[] cipher(int mode, String clientId, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(clientId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a NAS client's secret could not be " + (mode == Cipher.ENCRYPT_MODE
                    ? "encrypted" : "decrypted (was cellgate.radius.secret-key changed?)"), e);
        }
    }
}
