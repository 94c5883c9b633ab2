package io.cellgate.webhooks;

import io.cellgate.common.Actor;
import io.cellgate.common.db.DatabaseChannels;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.events.EventQueries;
import io.cellgate.events.EventView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every replica delivers the tenants' events to their webhooks: it claims due deliveries from the database
 * ({@code claim_webhook_deliveries}: each claim is one attempt, made by one replica), sends them, and records their
 * outcomes in batches ({@code record_webhook_attempts}: retries with back-off, final failure, disabling an endpoint
 * that keeps failing). It claims when the database announces new deliveries, when an attempt ends, and every second
 * (retries that came due). One tenant's slow or dead endpoint holds at most its own slots: each endpoint has at most
 * {@code cellgate.webhooks.max-in-flight-per-endpoint} deliveries in flight across replicas, and timeouts are short.
 */
@ApplicationScoped
public class WebhookDispatcher {
    static final String CHANNEL = "webhook_deliveries";
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final Actor SENDER = Actor.Work.WEBHOOK_SENDER.actor();
    private static final int RECORD_BATCH = 500;
    private static final String CLAIM = "SELECT * FROM claim_webhook_deliveries($1, $2, make_interval(secs => $3))";
    private static final String RECORD = "SELECT record_webhook_attempts($1, $2, $3, $4, $5, $6, $7, $8,"
            + " make_interval(secs => $9), make_interval(secs => $10), make_interval(secs => $11), $12,"
            + " make_interval(secs => $13))";

    @Inject
    ScopedDatabase db;
    @Inject
    DatabaseChannels channels;
    @Inject
    Vertx vertx;
    @Inject
    WebhookSender sender;
    @Inject
    MeterRegistry metrics;
    @ConfigProperty(name = "cellgate.webhooks.max-in-flight", defaultValue = "512")
    int maxInFlight;
    @ConfigProperty(name = "cellgate.webhooks.max-in-flight-per-endpoint", defaultValue = "32")
    int perEndpoint;
    @ConfigProperty(name = "cellgate.webhooks.timeout", defaultValue = "10s")
    Duration timeout;
    @ConfigProperty(name = "cellgate.webhooks.retry-base", defaultValue = "5s")
    Duration retryBase;
    @ConfigProperty(name = "cellgate.webhooks.retry-cap", defaultValue = "1h")
    Duration retryCap;
    @ConfigProperty(name = "cellgate.webhooks.retry-for", defaultValue = "24h")
    Duration retryFor;
    @ConfigProperty(name = "cellgate.webhooks.disable-after-failures", defaultValue = "10")
    int disableAfterFailures;
    @ConfigProperty(name = "cellgate.webhooks.disable-after", defaultValue = "24h")
    Duration disableAfter;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean recording = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Attempt.Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private volatile boolean claimAgain;
    private long ticks;
    private Counter succeeded;
    private Counter failed;

    void start(@Observes StartupEvent event) {
        metrics.gauge("cellgate.webhook.deliveries.in.flight", inFlight);
        succeeded = Counter.builder("cellgate.webhook.attempts").tag("outcome", "success").register(metrics);
        failed = Counter.builder("cellgate.webhook.attempts").tag("outcome", "failure").register(metrics);
        channels.listen(CHANNEL, notice -> claim(), this::claim);
        ticks = vertx.setPeriodic(1000, tick -> {
            claim();
            record();
        });
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(ticks);
    }

    /** Claims as many due deliveries as there are free slots; one claim at a time, again when asked meanwhile. */
    void claim() {
        int free = maxInFlight - inFlight.get();
        if (free <= 0 || !claiming.compareAndSet(false, true)) {
            claimAgain = true;
            return;
        }
        claimAgain = false;
        long lease = timeout.toSeconds() + 30;
        db.query(SENDER.allTenants(), CLAIM, Tuple.of(free, perEndpoint, (double) lease)).subscribe().with(rows -> {
            List<Attempt.Claim> claimed = new ArrayList<>(rows.size());
            rows.forEach(row -> claimed.add(claimOf(row)));
            inFlight.addAndGet(claimed.size());
            claiming.set(false);
            claimed.forEach(this::send);
            if (claimAgain || claimed.size() == free) {
                claim();
            }
        }, e -> {
            claiming.set(false);
            LOG.warnf("webhooks: deliveries could not be claimed (%s)", e.getMessage());
        });
    }

    private void send(Attempt.Claim claim) {
        sender.send(claim).subscribe().with(this::ended, e -> ended(Attempt.Outcome.failed(claim, Instant.now(),
                null, "not sent: " + e.getClass().getSimpleName())));
    }

    private void ended(Attempt.Outcome outcome) {
        inFlight.decrementAndGet();
        (outcome.ok() ? succeeded : failed).increment();
        outcomes.add(outcome);
        record();
        claim();
    }

    /**
     * Records the outcomes gathered so far in one statement; those that end meanwhile wait for the next. Outcomes that
     * cannot be recorded are kept and tried again; should the replica stop first, the deliveries' leases run out and
     * they are sent again (at least once).
     */
    private void record() {
        if (outcomes.isEmpty() || !recording.compareAndSet(false, true)) {
            return;
        }
        List<Attempt.Outcome> batch = new ArrayList<>();
        for (Attempt.Outcome outcome = outcomes.poll(); outcome != null; outcome = batch.size() < RECORD_BATCH
                ? outcomes.poll() : null) {
            batch.add(outcome);
        }
        db.query(SENDER.allTenants(), RECORD, recordParams(batch)).subscribe().with(done -> {
            recording.set(false);
            record();
            claim();
        }, e -> {
            outcomes.addAll(batch);
            recording.set(false);
            LOG.warnf("webhooks: %d attempts could not be recorded (%s); trying again", batch.size(),
                    e.getMessage());
        });
    }

    private Tuple recordParams(List<Attempt.Outcome> batch) {
        int n = batch.size();
        Long[] delivery = new Long[n];
        Integer[] attempt = new Integer[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        Integer[] latency = new Integer[n];
        Integer[] status = new Integer[n];
        String[] body = new String[n];
        String[] error = new String[n];
        Boolean[] ok = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Attempt.Outcome outcome = batch.get(i);
            delivery[i] = outcome.deliveryId();
            attempt[i] = outcome.attempt();
            at[i] = outcome.at().atOffset(ZoneOffset.UTC);
            latency[i] = outcome.latencyMs();
            status[i] = outcome.statusCode();
            body[i] = outcome.body();
            error[i] = outcome.error();
            ok[i] = outcome.ok();
        }
        return Tuple.tuple(List.of(delivery, attempt, at, latency, status, body, error, ok,
                seconds(retryBase), seconds(retryCap), seconds(retryFor), disableAfterFailures,
                seconds(disableAfter)));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static Attempt.Claim claimOf(Row row) {
        EventView event = EventQueries.eventOf(row, "event_id");
        byte[] previous = row.getBuffer("previous_secret") == null ? null : row.getBuffer("previous_secret").getBytes();
        return new Attempt.Claim(row.getLong("id"), row.getUUID("webhook_id"), row.getInteger("attempt"),
                row.getString("url"), row.getBoolean("http_allowed"), row.getBuffer("secret").getBytes(), previous,
                event);
    }
}
