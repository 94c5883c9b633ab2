package io.cellgate.ratelimit;

/** The outcome of taking one request from a tenant's bucket, and what the headers tell the client. */
record RateLimitDecision(boolean allowed, double tokens, double rate, double burst) {

    /** The IETF RateLimit-Policy: the burst quota, over the window in which an empty bucket refills. */
    String policyHeader() {
        return "\"tenant\";q=" + (long) burst + ";w=" + windowSeconds();
    }

    /** The IETF RateLimit field: requests left now, and seconds until the bucket is full again. */
    String limitHeader() {
        long reset = (long) Math.ceil((burst - tokens) / rate);
        return "\"tenant\";r=" + (long) Math.floor(tokens) + ";t=" + Math.max(0, reset);
    }

    /** Seconds until one request fits again. */
    long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil((1 - tokens) / rate));
    }

    private long windowSeconds() {
        return Math.max(1, (long) Math.ceil(burst / rate));
    }
}
