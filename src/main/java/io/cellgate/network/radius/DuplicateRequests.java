package io.cellgate.network.radius;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests already seen (RFC 5080 §2.2.2): the same source address and port, identifier and authenticator within the
 * window are one request. The first is processed; a copy that arrives while it is processed is dropped (its answer is
 * coming), and one that arrives later gets the same answer again, never a second processing. Requests are kept in two
 * generations that turn over once a window ({@link #turnOver}): a request is remembered for one to two windows, and
 * forgetting costs nothing per entry. Bounded: past {@code maxEntries} new requests are processed but not remembered.
 */
public class DuplicateRequests {
    private static final byte[] PENDING = new byte[0];

    private volatile Map<ByteBuffer, byte[]> current = new ConcurrentHashMap<>();
    private volatile Map<ByteBuffer, byte[]> previous = new ConcurrentHashMap<>();
    private final int maxEntries;

    public DuplicateRequests(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    public static ByteBuffer key(byte[] sourceAddress, int sourcePort, int identifier, byte[] authenticator) {
        return ByteBuffer.allocate(sourceAddress.length + 2 + 1 + authenticator.length).put(sourceAddress)
                .putShort((short) sourcePort).put((byte) identifier).put(authenticator).flip();
    }

    public static ByteBuffer key(InetSocketAddress source, int identifier, byte[] authenticator) {
        return key(source.getAddress().getAddress(), source.getPort(), identifier, authenticator);
    }

    /**
     * Null when the request is new (it is now pending), an empty array while its first copy is still being processed,
     * else the answer sent to it.
     */
    public byte[] firstOrAnswer(ByteBuffer key) {
        byte[] earlier = previous.get(key);
        if (earlier != null) {
            return earlier;
        }
        if (current.size() >= maxEntries) {
            return null;
        }
        return current.putIfAbsent(key, PENDING);
    }

    public void answered(ByteBuffer key, byte[] answer) {
        current.put(key, answer);
    }

    /** The request went unanswered (it is dropped): a retransmission may be processed afresh. */
    public void abandoned(ByteBuffer key) {
        current.remove(key);
        previous.remove(key);
    }

    /** Called once a window: what was seen two windows ago is forgotten. */
    public void turnOver() {
        previous = current;
        current = new ConcurrentHashMap<>();
    }

    public int size() {
        return current.size() + previous.size();
    }

    static boolean pending(byte[] answer) {
        return answer == PENDING;
    }
}
