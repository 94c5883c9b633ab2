package io.cellgate.identity;

/** The identity provider's admin API did not answer in time or failed; the caller should retry later. */
public class IdentityProviderUnavailable extends RuntimeException {
    public IdentityProviderUnavailable(Throwable cause) {
        super("The identity provider is not available", cause);
    }
}
