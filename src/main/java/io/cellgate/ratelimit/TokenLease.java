package io.cellgate.ratelimit;

/**
 * Tokens this replica took from a tenant's shared bucket ahead of use. They are spent locally until gone or a second
 * old; what is left then is dropped, so leases can only make the limit stricter, never looser, than the bucket.
 * A batch is at most 20 ms of the tenant's rate, a tenth of its burst and 100 tokens: a tenant at 10 requests per
 * second still takes every token from the bucket one by one.
 */
final class TokenLease {
    private static final double BATCH_SECONDS = 0.02;
    private static final int MAX_BATCH = 100;
    private static final long LIFETIME_NANOS = 1_000_000_000L;

    private int tokens;
    private long expiresAt;
    private RateLimitDecision shared;

    /** One token from the lease, with what the headers should say, or null when the bucket must be asked. */
    synchronized RateLimitDecision spend(long now) {
        if (tokens == 0 || now - expiresAt > 0) {
            tokens = 0;
            return null;
        }
        tokens--;
        return new RateLimitDecision(true, shared.tokens() + tokens, shared.rate(), shared.burst());
    }

    /** How many tokens to ask the bucket for: one until the tenant's quota is known. */
    synchronized int batchSize() {
        if (shared == null) {
            return 1;
        }
        double batch = Math.min(shared.rate() * BATCH_SECONDS, shared.burst() / 10);
        return (int) Math.max(1, Math.min(MAX_BATCH, Math.floor(batch)));
    }

    /** Records what the bucket granted: one token for the request at hand, the rest kept for the next ones. */
    synchronized RateLimitDecision granted(int granted, RateLimitDecision bucket, long now) {
        shared = bucket;
        if (granted == 0) {
            return bucket;
        }
        tokens += granted - 1;
        expiresAt = now + LIFETIME_NANOS;
        return new RateLimitDecision(true, bucket.tokens() + tokens, bucket.rate(), bucket.burst());
    }
}
