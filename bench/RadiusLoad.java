import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A lean RADIUS load generator (JDK only, the same one for every server): IN_FLIGHT workers each send a request and
 * wait for its answer, for SECONDS after a warm-up of WARMUP seconds. MODE auth: Access-Requests (User-Name = an IMSI
 * drawn at random from the range, Called-Station-Id, Message-Authenticator). MODE acct: Interim-Updates, each worker
 * keeping 100 sessions of random IMSIs whose counters grow with every report. Prints answers per second, accepts (or
 * accounting responses), rejects, timeouts, latency percentiles and, when the server's pid is given, the server's CPU
 * time per answer (from /proc).
 *
 * Usage: java bench/RadiusLoad.java MODE HOST PORT SECRET IMSI_PREFIX COUNT SECONDS IN_FLIGHT [PID] [WARMUP=5]
 *   IMSI_PREFIX + a 7-digit number in [0, COUNT) is the IMSI (the bench batches: "9" + batch); several prefixes,
 *   comma-separated, draw each IMSI from one of them at random (COUNT SIMs each).
 */
public class RadiusLoad {
    public static void main(String[] arguments) throws Exception {
        boolean accounting = "acct".equals(arguments[0]);
        String[] args = Arrays.copyOfRange(arguments, 1, arguments.length);
        InetAddress host = InetAddress.getByName(args[0]);
        int port = Integer.parseInt(args[1]);
        byte[] secret = args[2].getBytes(StandardCharsets.UTF_8);
        String prefix = args[3];
        int count = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int inFlight = Integer.parseInt(args[6]);
        long pid = args.length > 7 ? Long.parseLong(args[7]) : -1;
        int warmup = args.length > 8 ? Integer.parseInt(args[8]) : 5;

        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            Worker worker = new Worker(host, port, secret, prefix, count, measuring, running, accounting, i);
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(warmup * 1000L);
        long cpuBefore = cpuTicks(pid);
        long start = System.nanoTime();
        measuring.set(true);
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpuAfter = cpuTicks(pid);
        running.set(false);
        for (Worker worker : workers) {
            worker.join();
        }
        long accepts = 0;
        long rejects = 0;
        long timeouts = 0;
        int samples = 0;
        for (Worker worker : workers) {
            accepts += worker.accepts;
            rejects += worker.rejects;
            timeouts += worker.timeouts;
            samples += worker.latencies.size();
        }
        long[] latencies = new long[samples];
        int at = 0;
        for (Worker worker : workers) {
            for (long latency : worker.latencies) {
                latencies[at++] = latency;
            }
        }
        Arrays.sort(latencies);
        double answers = (accepts + rejects) / elapsed;
        System.out.printf("answers/s=%.0f accepts=%d rejects=%d timeouts=%d p50_ms=%.2f p99_ms=%.2f in_flight=%d"
                        + " seconds=%.1f%s%n", answers, accepts, rejects, timeouts, percentile(latencies, 0.50),
                percentile(latencies, 0.99), inFlight, elapsed,
                pid < 0 ? "" : String.format(" server_cpu_ms_per_answer=%.3f", (cpuAfter - cpuBefore) * 10.0
                        / Math.max(1, accepts + rejects)));
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
        final InetAddress host;
        final int port;
        final byte[] secret;
        final String[] prefixes;
        final int count;
        final AtomicBoolean measuring;
        final AtomicBoolean running;
        final List<Long> latencies = new ArrayList<>();
        final boolean accounting;
        final int number;
        final String[] sessionImsis = new String[100];
        final long[] sessionOctets = new long[100];
        long accepts;
        long rejects;
        long timeouts;

        Worker(InetAddress host, int port, byte[] secret, String prefix, int count, AtomicBoolean measuring,
               AtomicBoolean running, boolean accounting, int number) {
            this.host = host;
            this.port = port;
            this.secret = secret;
            this.prefixes = prefix.split(",");
            this.count = count;
            this.measuring = measuring;
            this.running = running;
            this.accounting = accounting;
            this.number = number;
            for (int i = 0; i < sessionImsis.length; i++) {
                sessionImsis[i] = randomImsi();
            }
        }

        private String randomImsi() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return prefixes[random.nextInt(prefixes.length)] + String.format("%07d", random.nextInt(count));
        }

        @Override
        public void run() {
            try (DatagramSocket socket = new DatagramSocket()) {
                socket.setSoTimeout(2000);
                Mac mac = Mac.getInstance("HmacMD5");
                mac.init(new SecretKeySpec(secret, "HmacMD5"));
                byte[] buffer = new byte[4096];
                int identifier = 0;
                while (running.get()) {
                    identifier = (identifier + 1) & 0xFF;
                    byte[] request;
                    if (accounting) {
                        int session = ThreadLocalRandom.current().nextInt(sessionImsis.length);
                        sessionOctets[session] += 1000;
                        request = interimUpdate(identifier, session);
                    } else {
                        request = accessRequest(mac, identifier,
                                randomImsi());
                    }
                    long sent = System.nanoTime();
                    socket.send(new DatagramPacket(request, request.length, host, port));
                    DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
                    boolean counted = measuring.get();
                    try {
                        do {
                            socket.receive(answer);
                        } while ((buffer[1] & 0xFF) != identifier);
                    } catch (SocketTimeoutException e) {
                        timeouts += counted ? 1 : 0;
                        continue;
                    }
                    if (counted && measuring.get()) {
                        latencies.add(System.nanoTime() - sent);
                        if (buffer[0] == 2 || buffer[0] == 5) {
                            accepts++;
                        } else {
                            rejects++;
                        }
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** An Interim-Update of one of this worker's sessions; its authenticator is MD5 over it and the secret. */
        private byte[] interimUpdate(int identifier, int session) throws Exception {
            byte[] user = sessionImsis[session].getBytes(StandardCharsets.US_ASCII);
            byte[] id = ("bench-" + number + "-" + session + "-" + sessionImsis[session])
                    .getBytes(StandardCharsets.US_ASCII);
            int length = 20 + 6 + 2 + id.length + 2 + user.length + 6 + 6;
            ByteBuffer packet = ByteBuffer.allocate(length);
            packet.put((byte) 4).put((byte) identifier).putShort((short) length).put(new byte[16]);
            packet.put((byte) 40).put((byte) 6).putInt(3);
            packet.put((byte) 44).put((byte) (2 + id.length)).put(id);
            packet.put((byte) 1).put((byte) (2 + user.length)).put(user);
            packet.put((byte) 42).put((byte) 6).putInt((int) sessionOctets[session]);
            packet.put((byte) 43).put((byte) 6).putInt((int) (2 * sessionOctets[session]));
            byte[] octets = packet.array();
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(octets);
            System.arraycopy(md5.digest(secret), 0, octets, 4, 16);
            return octets;
        }

        private byte[] accessRequest(Mac mac, int identifier, String imsi) {
            byte[] user = imsi.getBytes(StandardCharsets.US_ASCII);
            byte[] apn = "iot.bench".getBytes(StandardCharsets.US_ASCII);
            int length = 20 + 18 + 2 + user.length + 2 + apn.length;
            ByteBuffer packet = ByteBuffer.allocate(length);
            byte[] authenticator = new byte[16];
            ThreadLocalRandom.current().nextBytes(authenticator);
            packet.put((byte) 1).put((byte) identifier).putShort((short) length).put(authenticator);
            packet.put((byte) 80).put((byte) 18).put(new byte[16]);
            packet.put((byte) 1).put((byte) (2 + user.length)).put(user);
            packet.put((byte) 30).put((byte) (2 + apn.length)).put(apn);
            byte[] octets = packet.array();
            System.arraycopy(mac.doFinal(octets), 0, octets, 22, 16);
            return octets;
        }
    }
}
