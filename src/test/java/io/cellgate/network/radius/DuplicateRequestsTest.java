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

    @Test
    void aCopyGetsTheFirstAnswerForOneToTwoWindowsAndIsNewAfter() {
        DuplicateRequests seen = new DuplicateRequests(10);
        ByteBuffer key = DuplicateRequests.key(new InetSocketAddress("127.0.0.1", 40000), 7, new byte[16]);
        assertNull(seen.firstOrAnswer(key));
        assertTrue(DuplicateRequests.pending(seen.firstOrAnswer(key.duplicate())), "in progress");
        seen.answered(key, new byte[]{2});
        assertArrayEquals(new byte[]{2}, seen.firstOrAnswer(key));
        seen.turnOver();
        assertArrayEquals(new byte[]{2}, seen.firstOrAnswer(key), "still remembered in the second window");
        seen.turnOver();
        assertNull(seen.firstOrAnswer(key), "after two windows it is a new request");
        ByteBuffer otherPort = DuplicateRequests.key(new InetSocketAddress("127.0.0.1", 40001), 7, new byte[16]);
        assertNull(seen.firstOrAnswer(otherPort));
    }

    @Test
    void anAbandonedRequestIsProcessedAgainAndTheMemoryIsBounded() {
        DuplicateRequests seen = new DuplicateRequests(1);
        ByteBuffer first = DuplicateRequests.key(new InetSocketAddress("127.0.0.1", 1), 1, new byte[16]);
        ByteBuffer second = DuplicateRequests.key(new InetSocketAddress("127.0.0.1", 2), 1, new byte[16]);
        assertNull(seen.firstOrAnswer(first));
        assertNull(seen.firstOrAnswer(second));
        assertNull(seen.firstOrAnswer(second), "full: not remembered, so processed");
        seen.abandoned(first);
        assertNull(seen.firstOrAnswer(first));
    }
}
