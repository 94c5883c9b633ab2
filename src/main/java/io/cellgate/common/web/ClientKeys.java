package io.cellgate.common.web;

/** Keys a client chooses and the service echoes or stores as sent (X-Request-Id, Idempotency-Key): one rule for all. */
public final class ClientKeys {
    public static final int MAX_LENGTH = 200;
    public static final String PATTERN = "^[\\x21-\\x7E]{1,200}$";
    public static final String RULE = "1 to 200 visible ASCII characters";

    private ClientKeys() {
    }

    static boolean isValid(String key) {
        return !key.isEmpty() && key.length() <= MAX_LENGTH && key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
