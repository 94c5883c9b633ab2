package io.cellgate.common.web;

/** The Idempotency-Key header of POSTs that start work (jobs): the same key returns the same result. */
public final class IdempotencyKeys {
    public static final String HEADER = "Idempotency-Key";
    public static final String DESCRIPTION = "Any unique string of " + ClientKeys.RULE + ", e.g. a UUID;"
            + " a retry with it returns the same job";
    public static final String SMS_DESCRIPTION = "Required. Any unique string of " + ClientKeys.RULE + ", e.g. a UUID;"
            + " a retry with it returns the same message and sends nothing more";

    private IdempotencyKeys() {
    }
}
