import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A load generator of online charging updates (JDK only): IN_FLIGHT workers each open SESSIONS charging sessions of
 * data (rating group 300) for SIMs drawn from the IMSI range, then send updates in turn, each reporting 1,000 bytes
 * used and asking for 1,000 more, each waiting for its answer, for SECONDS after WARMUP seconds. Prints updates per
 * second, answers other than 200, latency percentiles (p50, p95, p99) and, with the server's pid, its CPU time per
 * update (from /proc).
 *
 * Usage: java bench/ChargingLoad.java BASE_URL TOKEN IMSI_PREFIX COUNT SESSIONS SECONDS IN_FLIGHT [PID] [WARMUP=5]
 *   IMSI_PREFIX + a 7-digit number in [0, COUNT) is the IMSI (the bench batches: "9" + batch)
 */
public class ChargingLoad {
    private static final String ROOT = "/nchf-convergedcharging/v3/chargingdata";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String prefix = args[2];
        int count = Integer.parseInt(args[3]);
        int sessions = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int inFlight = Integer.parseInt(args[6]);
        long pid = args.length > 7 ? Long.parseLong(args[7]) : -1;
        int warmup = args.length > 8 ? Integer.parseInt(args[8]) : 5;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            workers.add(new Worker(client, base, token, prefix, count, sessions, i));
        }
        for (Worker worker : workers) {
            worker.open();
        }
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        for (Worker worker : workers) {
            worker.measuring = measuring;
            worker.running = running;
            worker.start();
        }
        Thread.sleep(warmup * 1000L);
        long cpuBefore = cpuTicks(pid);
        long started = System.nanoTime();
        measuring.set(true);
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        long cpuAfter = cpuTicks(pid);
        double elapsed = (System.nanoTime() - started) / 1e9;
        running.set(false);
        for (Worker worker : workers) {
            worker.join();
        }
        long answered = 0;
        long failed = 0;
        List<Long> all = new ArrayList<>();
        for (Worker worker : workers) {
            answered += worker.ok;
            failed += worker.failed;
            all.addAll(worker.latencies);
        }
        long[] latencies = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(latencies);
        System.out.printf("updates/s=%.0f non_200=%d p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f in_flight=%d sessions=%d"
                        + " seconds=%.1f%s%n", answered / elapsed, failed, percentile(latencies, 0.50),
                percentile(latencies, 0.95), percentile(latencies, 0.99), inFlight, inFlight * sessions, elapsed,
                pid < 0 ? "" : String.format(" server_cpu_ms_per_update=%.3f",
                        (cpuAfter - cpuBefore) * 10.0 / Math.max(1, answered)));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
    }

    /** utime + stime of a process and its threads, in clock ticks (100 per second). */
    private static long cpuTicks(long pid) throws IOException {
        if (pid < 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static final class Worker extends Thread {
        final HttpClient client;
        final String base;
        final String token;
        final String[] imsis;
        final String[] refs;
        final long[] sequences;
        final List<Long> latencies = new ArrayList<>();
        volatile AtomicBoolean measuring;
        volatile AtomicBoolean running;
        long ok;
        long failed;

        Worker(HttpClient client, String base, String token, String prefix, int count, int sessions, int index) {
            this.client = client;
            this.base = base;
            this.token = token;
            this.imsis = new String[sessions];
            this.refs = new String[sessions];
            this.sequences = new long[sessions];
            for (int i = 0; i < sessions; i++) {
                int sim = (int) (((long) index * sessions + i) * 7919 % count);
                imsis[i] = prefix + String.format("%07d", sim);
            }
        }

        void open() throws Exception {
            for (int i = 0; i < imsis.length; i++) {
                HttpResponse<String> created = send(ROOT, body(imsis[i], 1, false));
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("create for " + imsis[i] + ": " + created.statusCode() + " "
                            + created.body());
                }
                String location = created.headers().firstValue("Location").orElseThrow();
                refs[i] = location.substring(location.lastIndexOf('/') + 1);
                sequences[i] = 1;
            }
        }

        @Override
        public void run() {
            int next = 0;
            while (running.get()) {
                int i = next++ % refs.length;
                long sequence = ++sequences[i];
                long started = System.nanoTime();
                try {
                    HttpResponse<String> answer = send(ROOT + "/" + refs[i] + "/update", body(imsis[i], sequence, true));
                    long took = System.nanoTime() - started;
                    if (measuring.get()) {
                        if (answer.statusCode() == 200) {
                            ok++;
                            latencies.add(took);
                        } else {
                            failed++;
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    if (measuring.get()) {
                        failed++;
                    }
                }
            }
        }

        private HttpResponse<String> send(String path, String body) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String body(String imsi, long sequence, boolean used) {
            return "{\"invocationSequenceNumber\":" + sequence + ",\"invocationTimeStamp\":\"" + Instant.now()
                    + "\",\"nfConsumerIdentification\":{\"nodeFunctionality\":\"SMF\"},\"subscriberIdentifier\":\"imsi-"
                    + imsi + "\",\"pDUSessionChargingInformation\":{\"pduSessionInformation\":{\"pduSessionID\":5,"
                    + "\"dnnId\":\"iot.bench\"}},\"multipleUnitUsage\":[{\"ratingGroup\":300,\"requestedUnit\":"
                    + "{\"totalVolume\":1000}" + (used ? ",\"usedUnitContainer\":[{\"localSequenceNumber\":1,"
                    + "\"totalVolume\":1000}]" : "") + "}]}";
        }
    }
}
