import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook endpoint for the benchmarks (JDK only): answers 204 to every POST, and for every event whose ICCID starts
 * with PREFIX notes when it arrived, its webhook-id, ICCID, sequence and timestamp. Once EXPECTED such events have
 * arrived, or nothing arrived for IDLE seconds after the first, it prints: how many, how many distinct ids
 * (duplicates), SIMs whose sequences arrived out of order, the span from the first to the last arrival, and the lag
 * from each event's timestamp (its transaction's time) to its arrival (p50, p99, max); then it exits. With
 * ARRIVALS_FILE it also writes each event's id and arrival (Unix milliseconds), one per line, as CSV: the lag from each
 * event's commit is computed from it (bench/webhook-fanout.sh).
 *
 * Usage: java bench/WebhookReceiver.java PORT PREFIX EXPECTED [IDLE_SECONDS=20] [READY_FILE] [ARRIVALS_FILE]
 */
public class WebhookReceiver {
    private static final Pattern ICCID = Pattern.compile("\"iccid\":\"([0-9]+)\"");
    private static final Pattern SEQUENCE = Pattern.compile("\"sequence\":([0-9]+)");
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

    record Arrival(long atNanos, String id, String iccid, long sequence, Instant timestamp) {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String prefix = args[1];
        long expected = Long.parseLong(args[2]);
        long idleNanos = (args.length > 3 ? Long.parseLong(args[3]) : 20) * 1_000_000_000L;
        ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
        AtomicLong counted = new AtomicLong();
        AtomicLong last = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            long now = System.nanoTime();
            Matcher iccid = ICCID.matcher(body);
            if (iccid.find() && iccid.group(1).startsWith(prefix)) {
                Matcher sequence = SEQUENCE.matcher(body);
                Matcher timestamp = TIMESTAMP.matcher(body);
                sequence.find();
                timestamp.find();
                arrivals.add(new Arrival(now, exchange.getRequestHeaders().getFirst("webhook-id"), iccid.group(1),
                        Long.parseLong(sequence.group(1)), Instant.parse(timestamp.group(1))));
                counted.incrementAndGet();
                last.set(now);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        if (args.length > 4) {
            Files.writeString(Path.of(args[4]), "ready\n");
        }
        while (counted.get() < expected && (last.get() == 0 || System.nanoTime() - last.get() < idleNanos)) {
            Thread.sleep(50);
        }
        server.stop(0);
        report(new ArrayList<>(arrivals), args.length > 5 ? Path.of(args[5]) : null);
        System.exit(0);
    }

    private static void report(List<Arrival> arrivals, Path arrivalsFile) throws java.io.IOException {
        arrivals.sort((a, b) -> Long.compare(a.atNanos(), b.atNanos()));
        Set<String> ids = new HashSet<>();
        Map<String, Long> lastSequence = new HashMap<>();
        long outOfOrder = 0;
        List<Long> lags = new ArrayList<>(arrivals.size());
        long nanoToEpoch = Instant.now().toEpochMilli() * 1_000_000L - System.nanoTime();
        if (arrivalsFile != null) {
            List<String> lines = new ArrayList<>(arrivals.size());
            arrivals.forEach(a -> lines.add(a.id() + "," + (a.atNanos() + nanoToEpoch) / 1_000_000L));
            Files.write(arrivalsFile, lines);
        }
        for (Arrival arrival : arrivals) {
            ids.add(arrival.id());
            Long previous = lastSequence.put(arrival.iccid(), arrival.sequence());
            if (previous != null && previous >= arrival.sequence()) {
                outOfOrder++;
            }
            long arrivedMillis = (arrival.atNanos() + nanoToEpoch) / 1_000_000L;
            lags.add(arrivedMillis - arrival.timestamp().toEpochMilli());
        }
        Collections.sort(lags);
        double span = arrivals.isEmpty() ? 0
                : (arrivals.get(arrivals.size() - 1).atNanos() - arrivals.get(0).atNanos()) / 1e9;
        System.out.printf("received=%d distinct=%d duplicates=%d out_of_order=%d span_s=%.2f lag_ms_p50=%d"
                        + " lag_ms_p99=%d lag_ms_max=%d%n", arrivals.size(), ids.size(), arrivals.size() - ids.size(),
                outOfOrder, span, percentile(lags, 50), percentile(lags, 99),
                lags.isEmpty() ? 0 : lags.get(lags.size() - 1));
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
