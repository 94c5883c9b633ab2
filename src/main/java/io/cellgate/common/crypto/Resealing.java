package io.cellgate.common.crypto;

import io.cellgate.common.crypto.SecretSeal.UnreadableSecretException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Counts, while one kind of stored secret is resealed, what was moved to the current key, and what could not be. */
public final class Resealing {
    private final String secrets;
    private final List<String> unreadable = new ArrayList<>();
    private int resealed;
    private int alreadyCurrent;

    public Resealing(String secrets) {
        this.secrets = secrets;
    }

    /** The owner's secret sealed anew, or empty if it already was under the current key or opens under none. */
    public Optional<byte[]> of(String owner, Supplier<Optional<byte[]>> reseal) {
        try {
            Optional<byte[]> sealed = reseal.get();
            if (sealed.isPresent()) {
                resealed++;
            } else {
                alreadyCurrent++;
            }
            return sealed;
        } catch (UnreadableSecretException e) {
            unreadable.add(owner);
            return Optional.empty();
        }
    }

    public ResealedSecrets result() {
        return new ResealedSecrets(secrets, resealed, alreadyCurrent, List.copyOf(unreadable));
    }
}
