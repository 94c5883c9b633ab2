package io.cellgate.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.common.crypto.SecretSeal.UnreadableSecretException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SecretSealTest {
    private static final String OLD = newKey();
    private static final String NEW = newKey();
    private static final byte[] SECRET = "pgw-shared-secret".getBytes(StandardCharsets.UTF_8);

    @Test
    void duringARotationSecretsSealedUnderEitherKeyOpenAndNewOnesAreSealedUnderTheNewKey() {
        byte[] underOld = only(OLD).seal("nas-1", SECRET);
        SecretSeal rotating = rotating();
        assertArrayEquals(SECRET, rotating.open("nas-1", underOld));
        byte[] sealedNow = rotating.seal("nas-1", SECRET);
        assertArrayEquals(SECRET, only(NEW).open("nas-1", sealedNow));
    }

    @Test
    void resealingMovesASecretToTheNewKeyOnceAndKeepsItsOwner() {
        byte[] underOld = only(OLD).seal("nas-1", SECRET);
        byte[] moved = rotating().resealed("nas-1", underOld).orElseThrow();
        assertArrayEquals(SECRET, only(NEW).open("nas-1", moved));
        assertEquals(Optional.empty(), rotating().resealed("nas-1", moved), "already under the new key");
        assertThrows(UnreadableSecretException.class, () -> only(NEW).open("nas-2", moved),
                "a secret copied onto another owner does not open");
    }

    @Test
    void aSecretNoConfiguredKeyOpensIsNamedNotGuessed() {
        byte[] underAnother = only(newKey()).seal("webhook-9", SECRET);
        UnreadableSecretException e = assertThrows(UnreadableSecretException.class,
                () -> rotating().resealed("webhook-9", underAnother));
        assertTrue(e.getMessage().contains("webhook-9"), e.getMessage());
        assertThrows(UnreadableSecretException.class, () -> rotating().open("webhook-9", new byte[3]),
                "too short to be a sealed secret");
    }

    @Test
    void aMalformedKeyIsRefusedAtStartNamingItsSetting() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SecretSeal("current", NEW, "the previous key (PREVIOUS)", Optional.of("c2hvcnQ=")));
        assertTrue(e.getMessage().startsWith("the previous key (PREVIOUS) must be 32 bytes"), e.getMessage());
    }

    private static SecretSeal rotating() {
        return new SecretSeal("current", NEW, "previous", Optional.of(OLD));
    }

    private static SecretSeal only(String key) {
        return new SecretSeal("current", key, "previous", Optional.empty());
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
