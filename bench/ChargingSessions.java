import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Opens online charging sessions of data (rating group 300) for SESSIONS SIMs spread over the IMSI range, IN_FLIGHT at
 * a time, and writes one line per session, "ref imsi", to OUT: what bench/charging.lua then updates.
 *
 * Usage: java bench/ChargingSessions.java BASE_URL TOKEN IMSI_PREFIX COUNT SESSIONS IN_FLIGHT OUT
 *   IMSI_PREFIX + a 7-digit number in [0, COUNT) is the IMSI (the bench batches: "9" + batch)
 */
public class ChargingSessions {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String prefix = args[2];
        int count = Integer.parseInt(args[3]);
        int sessions = Integer.parseInt(args[4]);
        int inFlight = Integer.parseInt(args[5]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(inFlight);
        List<Future<String>> opened = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            String imsi = prefix + String.format("%07d", (int) ((long) i * 7919 % count));
            opened.add(pool.submit(() -> open(client, base, token, imsi)));
        }
        List<String> lines = new ArrayList<>();
        for (Future<String> session : opened) {
            lines.add(session.get());
        }
        pool.shutdown();
        Files.write(Path.of(args[6]), lines);
    }

    private static String open(HttpClient client, String base, String token, String imsi) throws Exception {
        String body = "{\"invocationSequenceNumber\":1,\"invocationTimeStamp\":\"" + Instant.now()
                + "\",\"nfConsumerIdentification\":{\"nodeFunctionality\":\"SMF\"},\"subscriberIdentifier\":\"imsi-"
                + imsi + "\",\"pDUSessionChargingInformation\":{\"pduSessionInformation\":{\"pduSessionID\":5,"
                + "\"dnnId\":\"iot.bench\"}},\"multipleUnitUsage\":[{\"ratingGroup\":300,\"requestedUnit\":"
                + "{\"totalVolume\":1000}}]}";
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(base
                        + "/nchf-convergedcharging/v3/chargingdata")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("create for " + imsi + ": " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1) + " " + imsi;
    }
}
