package io.cellgate.network.smpp;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Writes what many threads hand in as one transaction per group: while one group is written, the next gathers. Each
 * caller learns when its item is durable. A group that fails is tried again, after a pause, until it is written or
 * the writer stops: what the SMSC told us must not be dropped.
 */
final class GroupWriter<T> {
    private static final Logger LOG = Logger.getLogger(GroupWriter.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long RETRY_PAUSE_MILLIS = 500;

    private record Entry<T>(T item, CompletableFuture<Void> written) {
    }

    private final String name;
    private final int maxGroup;
    private final Function<List<T>, Uni<Void>> write;
    private final BlockingQueue<Entry<T>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    GroupWriter(String name, int maxGroup, Function<List<T>, Uni<Void>> write) {
        this.name = name;
        this.maxGroup = maxGroup;
        this.write = write;
        this.thread = new Thread(this::run, "smpp-" + name + "-writer");
        thread.setDaemon(true);
        thread.start();
    }

    CompletableFuture<Void> add(T item) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        queue.add(new Entry<>(item, written));
        return written;
    }

    int pending() {
        return queue.size();
    }

    /** Writes what is queued, then stops (waiting at most {@code wait}). */
    void stop(Duration wait) {
        running = false;
        try {
            thread.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Entry<T>> group = new ArrayList<>(maxGroup);
        while (running || !queue.isEmpty()) {
            try {
                Entry<T> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, maxGroup - 1);
                writeUntilDone(group);
                group.forEach(entry -> entry.written().complete(null));
                group.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void writeUntilDone(List<Entry<T>> group) throws InterruptedException {
        List<T> items = group.stream().map(Entry::item).toList();
        while (true) {
            try {
                write.apply(items).await().atMost(TIMEOUT);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Writing %d %s failed (%s); trying again", items.size(), name, e.getMessage());
                Thread.sleep(RETRY_PAUSE_MILLIS);
            }
        }
    }
}
