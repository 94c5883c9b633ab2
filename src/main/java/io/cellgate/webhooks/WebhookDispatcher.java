package io.cellgate.webhooks;

import io.cellgate.common.Actor;
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
 * Every replica delivers the tenants' events to their webhooks: in one round trip it records the outcomes of the
 * attempts that ended ({@code record_webhook_attempts}: retries with back-off, final failure, disabling an endpoint
 * that keeps failing) and claims due deliveries for the free slots ({@code claim_webhook_deliveries}: each claim is one
 * attempt, made by one replica); then it sends them. It does so every {@value #LOOK_EVERY_MS} ms, and as soon as
 * attempts end (coalesced over a few milliseconds). One tenant's slow or dead endpoint holds at most its own slots: each endpoint has at most
 * {@code cellgate.webhooks.max-in-flight-per-endpoint} deliveries in flight across replicas, and timeouts are short.
 */
@ApplicationScoped
public class WebhookDispatcher {
    /**
     * How often a replica looks for due deliveries (new ones, and retries that came due) when nothing else ran: a look
     * with nothing to claim costs about a millisecond of the database, and a new event waits half of this on average.
     */
    static final long LOOK_EVERY_MS = 100;
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final Actor SENDER = Actor.Work.WEBHOOK_SENDER.actor();
    private static final int RECORD_BATCH = 500;
    private static final long COALESCE_MS = 2;
    /** A claim or record that takes longer has failed (its connection hangs): it is given up, and done again. */
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);
    private static final String CYCLE = "SELECT * FROM settle_and_claim_webhook_deliveries($1, $2, $3, $4, $5, $6,"
            + " $7, $8, make_interval(secs => $9), make_interval(secs => $10), make_interval(secs => $11), $12,"
            + " make_interval(secs => $13), $14, $15, make_interval(secs => $16))";
    /** A claim's lease outlasts the attempt's timeout by this much, so that its outcome is recorded first. */
    private static final long LEASE_MARGIN_SECONDS = 30;

    @Inject
    ScopedDatabase db;
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
    private final AtomicBoolean cycling = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Attempt.Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private volatile boolean again;
    private long ticks;
    private Counter succeeded;
    private Counter failed;

    void start(@Observes StartupEvent event) {
        metrics.gauge("cellgate.webhook.deliveries.in.flight", inFlight);
        succeeded = Counter.builder("cellgate.webhook.attempts").tag("outcome", "success").register(metrics);
        failed = Counter.builder("cellgate.webhook.attempts").tag("outcome", "failure").register(metrics);
        ticks = vertx.setPeriodic(LOOK_EVERY_MS, tick -> cycle());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(ticks);
    }

    /**
     * One round trip: the outcomes gathered so far are recorded and due deliveries claimed for the free slots, in one
     * statement; one at a time, again at once when asked meanwhile or when the claim filled every slot. Outcomes that
     * cannot be recorded are kept and tried again; should the replica stop first, the deliveries' leases run out and
     * they are sent again (at least once).
     */
    void cycle() {
        if (!cycling.compareAndSet(false, true)) {
            again = true;
            return;
        }
        again = false;
        List<Attempt.Outcome> batch = new ArrayList<>();
        for (Attempt.Outcome outcome = outcomes.poll(); outcome != null; outcome = batch.size() < RECORD_BATCH
                ? outcomes.poll() : null) {
            batch.add(outcome);
        }
        int free = Math.max(0, maxInFlight - inFlight.get());
        if (batch.isEmpty() && free == 0) {
            cycling.set(false);
            return;
        }
        db.query(SENDER.allTenants(), CYCLE, params(batch, free)).ifNoItem().after(STATEMENT_TIMEOUT).fail()
                .subscribe().with(rows -> {
                    List<Attempt.Claim> claimed = new ArrayList<>(rows.size());
                    try {
                        rows.forEach(row -> claimed.add(claimOf(row)));
                    } finally {
                        inFlight.addAndGet(rows.size());
                        cycling.set(false);
                    }
                    claimed.forEach(this::send);
                    if (again || !outcomes.isEmpty() || free > 0 && rows.size() == free) {
                        soon();
                    }
                }, e -> {
                    outcomes.addAll(batch);
                    cycling.set(false);
                    LOG.warnf("webhooks: %d attempts could not be recorded, or deliveries claimed (%s); trying again",
                            batch.size(), e.getMessage());
                });
    }

    /** A round trip a few milliseconds from now: attempts that end close together share one. */
    private void soon() {
        if (scheduled.compareAndSet(false, true)) {
            vertx.setTimer(COALESCE_MS, t -> {
                scheduled.set(false);
                cycle();
            });
        }
    }

    private void send(Attempt.Claim claim) {
        sender.send(claim).subscribe().with(this::ended, e -> ended(Attempt.Outcome.failed(claim, Instant.now(),
                null, "not sent: " + e.getClass().getSimpleName())));
    }

    private void ended(Attempt.Outcome outcome) {
        inFlight.decrementAndGet();
        (outcome.ok() ? succeeded : failed).increment();
        outcomes.add(outcome);
        soon();
    }

    private Tuple params(List<Attempt.Outcome> batch, int free) {
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
                seconds(disableAfter), free, perEndpoint, (double) (timeout.toSeconds() + LEASE_MARGIN_SECONDS)));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /**
     * The claim of a row; an event this release cannot read (a newer type, during a rolling update, or one removed past
     * the retention) is not sent.
     */
    private static Attempt.Claim claimOf(Row row) {
        EventView event;
        try {
            event = EventQueries.eventOf(row, "event_id");
        } catch (IllegalArgumentException e) {
            event = null;
        }
        byte[] previous = row.getBuffer("previous_secret") == null ? null : row.getBuffer("previous_secret").getBytes();
        return new Attempt.Claim(row.getLong("id"), row.getUUID("webhook_id"), row.getInteger("attempt"),
                row.getString("url"), row.getBoolean("http_allowed"), row.getBuffer("secret").getBytes(), previous,
                event);
    }
}
