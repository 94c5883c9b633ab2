package io.cellgate.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TokenLeaseTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void batchesAreSmallForSmallQuotasAndCapped() {
        assertEquals(1, batchFor(10, 20), "10/s: every token from the bucket");
        assertEquals(2, batchFor(100, 200));
        assertEquals(1, batchFor(1000, 10), "a tenth of the burst at most");
        assertEquals(100, batchFor(100_000, 100_000));
        assertEquals(1, new TokenLease().batchSize(), "one until the quota is known");
    }

    @Test
    void grantedTokensServeTheNextRequestsLocallyThenTheBucketIsAskedAgain() {
        TokenLease lease = new TokenLease();
        RateLimitDecision first = lease.granted(3, new RateLimitDecision(true, 50, 100, 200), 0);
        assertTrue(first.allowed());
        assertEquals(52, first.tokens(), "the bucket's 50 plus the 2 kept here");
        assertEquals(51, lease.spend(10).tokens());
        assertNotNull(lease.spend(20));
        assertNull(lease.spend(30), "used up");
    }

    @Test
    void unspentTokensExpireAfterASecondAndARefusalKeepsNone() {
        TokenLease lease = new TokenLease();
        lease.granted(5, new RateLimitDecision(true, 0, 100, 200), 0);
        assertNull(lease.spend(SECOND + 1));
        assertNull(lease.spend(SECOND + 2), "dropped, not kept for later");

        RateLimitDecision refused = lease.granted(0, new RateLimitDecision(false, 0.4, 100, 200), 3 * SECOND);
        assertFalse(refused.allowed());
        assertNull(lease.spend(3 * SECOND + 1));
    }

    private static int batchFor(double rate, double burst) {
        TokenLease lease = new TokenLease();
        lease.granted(0, new RateLimitDecision(false, 0, rate, burst), 0);
        return lease.batchSize();
    }
}
