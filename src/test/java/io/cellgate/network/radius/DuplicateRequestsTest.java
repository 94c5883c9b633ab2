package io.cellgate.network.radius;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DuplicateRequestsTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aCopyWithinTheWindowGetsTheFirstAnswerAndOneAfterItIsNew() {
        DuplicateRequests seen = new DuplicateRequests(30 * SECOND, 10);
        ByteBuffer key = DuplicateRequests.key(new InetSocketAddress("127.0.0.1", 40000), 7, new byte[16]);
        assertNull(seen.firstOrAnswer(key, 0));
        assertTrue(DuplicateRequests.pending(seen.firstOrAnswer(key.duplicate(), SECOND)), "in progress");
        seen.answered(key, new byte[]{2}, SECOND);
        assertArrayEquals(new byte[]{2}, seen.firstOrAnswer(key, 2 * SECOND));
        assertNull(seen.firstOrAnswer(key, 40 * SECOND), "outside the window it is a new request");
        ByteBuffer otherPort = DuplicateRequests.key(new InetSocketAddress("127.0.0.1", 40001), 7, new byte[16]);
        assertNull(seen.firstOrAnswer(otherPort, 40 * SECOND));
    }

    @Test
    void anAbandonedRequestIsProcessedAgainAndTheMemoryIsBounded() {
        DuplicateRequests seen = new DuplicateRequests(30 * SECOND, 1);
        ByteBuffer first = DuplicateRequests.key(new InetSocketAddress("127.0.0.1", 1), 1, new byte[16]);
        ByteBuffer second = DuplicateRequests.key(new InetSocketAddress("127.0.0.1", 2), 1, new byte[16]);
        assertNull(seen.firstOrAnswer(first, 0));
        assertNull(seen.firstOrAnswer(second, 0));
        assertNull(seen.firstOrAnswer(second, 0), "full: not remembered, so processed");
        seen.abandoned(first);
        assertNull(seen.firstOrAnswer(first, 0));
    }
}
