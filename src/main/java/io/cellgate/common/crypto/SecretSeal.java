package io.cellgate.common.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets at rest that the service must read back (a NAS client's shared secret, a webhook's signing secret):
 * AES-256-GCM under a key from configuration (32 bytes, base64), a fresh 12-byte nonce per secret, stored as
 * nonce || ciphertext || tag. The owner's id is the associated data, so a secret copied onto another row does not
 * open.
 */
public final class SecretSeal {
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String setting;
    private final SecureRandom random = new SecureRandom();

    /** {@code setting} names the key's configuration in messages, e.g. "cellgate.radius.secret-key". */
    public SecretSeal(String setting, String base64Key) {
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
        this.key = new SecretKeySpec(bytes, "AES");
        this.setting = setting;
    }

    public byte[] seal(String owner, byte[] secret) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, owner, nonce, secret);
        return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    }

    public byte[] open(String owner, byte[] stored) {
        ByteBuffer in = ByteBuffer.wrap(stored);
        byte[] nonce = new byte[NONCE_LENGTH];
        in.get(nonce);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        return cipher(Cipher.DECRYPT_MODE, owner, nonce, sealed);
    }

    private byte[] cipher(int mode, String owner, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a secret could not be " + (mode == Cipher.ENCRYPT_MODE ? "encrypted"
                    : "decrypted (was " + setting + " changed?)"), e);
        }
    }
}
