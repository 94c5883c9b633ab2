package io.cellgate.network.radius;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests already seen (RFC 5080 §2.2.2): the same source address and port, identifier and authenticator within the
 * window are one request. The first is processed; a copy that arrives while it is processed is dropped (its answer is
 * coming), and one that arrives later gets the same answer again, never a second processing. Bounded: past
 * {@code maxEntries} new requests are processed but not remembered.
 */
public class DuplicateRequests {
    private static final byte[] PENDING = new byte[0];

    private final Map<ByteBuffer, Seen> seen = new ConcurrentHashMap<>();
    private final long windowNanos;
    private final int maxEntries;

    private record Seen(byte[] answer, long at) {
    }

    public DuplicateRequests(long windowNanos, int maxEntries) {
        this.windowNanos = windowNanos;
        this.maxEntries = maxEntries;
    }

    public static ByteBuffer key(InetSocketAddress source, int identifier, byte[] authenticator) {
        byte[] address = source.getAddress().getAddress();
        return ByteBuffer.allocate(address.length + 2 + 1 + authenticator.length).put(address)
                .putShort((short) source.getPort()).put((byte) identifier).put(authenticator).flip();
    }

    /**
     * Null when the request is new (it is now pending), an empty array while its first copy is still being processed,
     * else the answer sent to it.
     */
    public byte[] firstOrAnswer(ByteBuffer key, long now) {
        if (seen.size() >= maxEntries) {
            return null;
        }
        Seen before = seen.putIfAbsent(key, new Seen(PENDING, now));
        if (before == null) {
            return null;
        }
        if (now - before.at() > windowNanos) {
            seen.put(key, new Seen(PENDING, now));
            return null;
        }
        return before.answer();
    }

    public void answered(ByteBuffer key, byte[] answer, long now) {
        seen.put(key, new Seen(answer, now));
    }

    /** The request went unanswered (it is dropped): a retransmission may be processed afresh. */
    public void abandoned(ByteBuffer key) {
        seen.remove(key);
    }

    /** Forgets what is older than the window. */
    public void expire(long now) {
        for (Iterator<Seen> it = seen.values().iterator(); it.hasNext(); ) {
            if (now - it.next().at() > windowNanos) {
                it.remove();
            }
        }
    }

    public int size() {
        return seen.size();
    }

    static boolean pending(byte[] answer) {
        return answer == PENDING;
    }
}
