package io.cellgate.common.web;

/** The Idempotency-Key header of POSTs that start work (jobs): the same key returns the same result. */
public final class IdempotencyKeys {
    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 200;
    public static final String PATTERN = "^[\\x21-\\x7E]{1,200}$";
    public static final String RULE = "1 to 200 visible ASCII characters";
    public static final String DESCRIPTION = "Any unique string of 1 to 200 visible ASCII characters, e.g. a UUID;"
            + " a retry with it returns the same job";

    private IdempotencyKeys() {
    }
}
