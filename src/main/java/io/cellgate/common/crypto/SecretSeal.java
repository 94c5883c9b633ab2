package io.cellgate.common.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets at rest that the service must read back (a NAS client's shared secret, a webhook's signing secret):
 * AES-256-GCM under a key from configuration (32 bytes, base64), a fresh 12-byte nonce per secret, stored as
 * nonce || ciphertext || tag. The owner's id is the associated data, so a secret copied onto another row does not
 * open.
 * <p>
 * <b>Key rotation.</b> A previous key may be configured beside the current one: secrets sealed under either open, new
 * ones are sealed under the current key, and {@link #resealed} moves a stored secret to it. Once every stored secret
 * is resealed, the previous key can go.
 */
public final class SecretSeal {
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final Optional<SecretKeySpec> previousKey;
    private final String setting;
    private final SecureRandom random = new SecureRandom();

    /**
     * {@code setting} and {@code previousSetting} name the keys' configuration in messages, e.g.
     * "cellgate.radius.secret-key (CELLGATE_RADIUS_SECRET_KEY)".
     */
    public SecretSeal(String setting, String base64Key, String previousSetting, Optional<String> previousBase64Key) {
        this.key = key(setting, base64Key);
        this.previousKey = previousBase64Key.filter(value -> !value.isBlank())
                .map(value -> key(previousSetting, value));
        this.setting = setting;
    }

    public byte[] seal(String owner, byte[] secret) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] sealed = cipher(key, Cipher.ENCRYPT_MODE, owner, nonce, secret);
        return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    }

    /** The secret, sealed under the current key or the previous one. */
    public byte[] open(String owner, byte[] stored) {
        return openWith(key, owner, stored).or(() -> previousKey.flatMap(previous -> openWith(previous, owner, stored)))
                .orElseThrow(() -> unreadable(owner));
    }

    /**
     * The stored secret sealed anew under the current key, or empty if it already is. A secret that opens under
     * neither key is an {@link UnreadableSecretException}.
     */
    public Optional<byte[]> resealed(String owner, byte[] stored) {
        if (openWith(key, owner, stored).isPresent()) {
            return Optional.empty();
        }
        byte[] secret = previousKey.flatMap(previous -> openWith(previous, owner, stored))
                .orElseThrow(() -> unreadable(owner));
        return Optional.of(seal(owner, secret));
    }

    private Optional<byte[]> openWith(SecretKeySpec candidate, String owner, byte[] stored) {
        if (stored.length < NONCE_LENGTH + TAG_BITS / 8) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(stored);
        byte[] nonce = new byte[NONCE_LENGTH];
        in.get(nonce);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        try {
            return Optional.of(cipher(candidate, Cipher.DECRYPT_MODE, owner, nonce, sealed));
        } catch (WrongKey e) {
            return Optional.empty();
        }
    }

    private UnreadableSecretException unreadable(String owner) {
        return new UnreadableSecretException("the secret of " + owner + " opens under neither the key of " + setting
                + " nor a previous key (was the key changed without its previous one being configured?)");
    }

    private static byte[] cipher(SecretKeySpec key, int mode, String owner, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new WrongKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available", e);
        }
    }

    private static SecretKeySpec key(String setting, String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.strip());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(setting + " must be 32 bytes, base64-encoded, e.g. the output of:"
                    + " openssl rand -base64 32");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The tag did not verify: another key sealed it (or another owner, or it was altered). */
    private static final class WrongKey extends RuntimeException {
        WrongKey() {
            super(null, null, false, false);
        }
    }

    /** A stored secret that no configured key opens. */
    public static final class UnreadableSecretException extends IllegalStateException {
        UnreadableSecretException(String message) {
            super(message);
        }
    }
}
