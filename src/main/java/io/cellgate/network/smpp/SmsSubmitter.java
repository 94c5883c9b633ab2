package io.cellgate.network.smpp;

import io.cellgate.ports.SmsGatewayPort;
import io.cellgate.ports.SmsGatewayPort.PartToSubmit;
import io.cellgate.ports.SmsGatewayPort.SubmitOutcome;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPSession;

/**
 * Submits queued parts to the SMSC: claims as many as the window has room for (fairly between tenants, within each
 * tenant's throughput), submits each with a receipt requested, and records what became of it in groups. A part is
 * claimed by one replica only; one sent without an answer is never sent again; ESME_RTHROTTLED and ESME_RMSGQFUL
 * pause all submits for a while and put the part back in the queue.
 */
@ApplicationScoped
public class SmsSubmitter {
    private static final Logger LOG = Logger.getLogger(SmsSubmitter.class);

    @Inject
    SmppConfig config;
    @Inject
    SmscLink link;
    @Inject
    SmsGatewayPort gateway;
    @Inject
    SmppMetrics metrics;

    private final Object wake = new Object();
    private Semaphore window;
    // outcomes not yet written: bounded, so that a slow database slows claiming instead of filling the memory
    private Semaphore unwritten;
    private ExecutorService senders;
    private GroupWriter<SubmitOutcome> outcomes;
    private Thread claimer;
    private String replica;
    private volatile boolean running;
    private volatile long pausedUntil;
    private volatile boolean queued;

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        requireBindable(config);
        replica = config.replicaId().orElseGet(SmsSubmitter::defaultReplicaId);
        window = new Semaphore(config.window());
        unwritten = new Semaphore(config.window() * 4);
        senders = Executors.newFixedThreadPool(config.window(), runnable -> {
            Thread thread = new Thread(runnable, "smpp-submit");
            thread.setDaemon(true);
            return thread;
        });
        outcomes = new GroupWriter<>("submits", 500,
                batch -> gateway.submitted(DeliverSmHandler.SMSC, replica, batch));
        metrics.gauges(() -> link.isBound() ? 1 : 0, () -> config.window() - window.availablePermits());
        running = true;
        link.start();
        claimer = new Thread(this::claimLoop, "smpp-claim");
        claimer.setDaemon(true);
        claimer.start();
    }

    /**
     * Stops claiming (the batch at hand is submitted whole: a part this replica claimed is never left unsent), lets
     * the submits in the window finish and their outcomes be written, then unbinds.
     */
    void stop(@Observes ShutdownEvent event) {
        if (!running) {
            return;
        }
        running = false;
        synchronized (wake) {
            wake.notifyAll();
        }
        try {
            claimer.join(Duration.ofSeconds(30).plus(config.responseTimeout()).toMillis());
            senders.shutdown();
            senders.awaitTermination(config.responseTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        outcomes.stop(Duration.ofSeconds(10));
        link.stop();
    }

    void onQueued(@ObservesAsync SmsGatewayPort.Queued event) {
        queued = true;
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /** The name this replica claims parts under. */
    String replica() {
        return replica;
    }

    private void claimLoop() {
        while (running) {
            try {
                SMPPSession session = link.awaitBound(Duration.ofSeconds(1));
                long pause = pausedUntil - System.currentTimeMillis();
                if (session == null || pause > 0) {
                    Thread.sleep(Math.max(0, Math.min(pause, 1000)));
                    continue;
                }
                int room = Math.min(window.availablePermits(), unwritten.availablePermits());
                if (room == 0) {
                    Semaphore full = window.availablePermits() == 0 ? window : unwritten;
                    full.acquire();
                    full.release();
                    continue;
                }
                queued = false;
                List<PartToSubmit> parts = gateway.claim(DeliverSmHandler.SMSC, replica,
                        Math.min(room, config.claimBatch()), config.lease()).await().atMost(Duration.ofSeconds(30));
                for (PartToSubmit part : parts) {
                    unwritten.acquire();
                    window.acquire();
                    senders.execute(() -> send(session, part));
                }
                if (parts.isEmpty()) {
                    idle();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Claiming SMS to submit failed: %s", e.getMessage());
                idle();
            }
        }
    }

    private void idle() {
        synchronized (wake) {
            if (!queued && running) {
                try {
                    wake.wait(config.pollInterval().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Submits one part: its window slot is free once the SMSC answered, its outcome's slot once that is written. */
    private void send(SMPPSession session, PartToSubmit part) {
        SubmitOutcome outcome;
        try {
            outcome = submit(session, part);
        } catch (RuntimeException e) {
            LOG.warnf("Submitting a part failed unexpectedly (%s); it is taken as sent without an answer", e.toString());
            outcome = SubmitOutcome.unconfirmed(part, "submit_failed");
        } finally {
            window.release();
        }
        outcomes.add(outcome).whenComplete((written, failure) -> unwritten.release());
    }

    private SubmitOutcome submit(SMPPSession session, PartToSubmit part) {
        long started = System.nanoTime();
        Duration left = Duration.between(Instant.now(), part.expiresAt());
        if (left.toSeconds() < 1) {
            return SubmitOutcome.retry(part, "validity_passed", Instant.now());
        }
        SmppAddresses.Address source = SmppAddresses.of(part.tenantAddress());
        try {
            String id = session.submitShortMessage("", source.ton(), source.npi(), source.digits(),
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, part.deviceNumber().substring(1),
                    new ESMClass(part.hasUdh() ? 0x40 : 0x00), (byte) 0, (byte) 0, null, relativeValidity(left),
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                    new RawDataCoding((byte) part.dataCoding()), (byte) 0, part.shortMessage()).getMessageId();
            metrics.submitted("submitted", "ESME_ROK", Duration.ofNanos(System.nanoTime() - started));
            return SubmitOutcome.submitted(part, id);
        } catch (NegativeResponseException e) {
            String status = SmppStatus.name(e.getCommandStatus());
            metrics.submitted(SmppStatus.isTransient(e.getCommandStatus()) ? "retry" : "rejected", status,
                    Duration.ofNanos(System.nanoTime() - started));
            if (SmppStatus.isTransient(e.getCommandStatus())) {
                if (e.getCommandStatus() == SMPPConstant.STAT_ESME_RTHROTTLED
                        || e.getCommandStatus() == SMPPConstant.STAT_ESME_RMSGQFUL) {
                    pausedUntil = System.currentTimeMillis() + config.throttleBackoff().toMillis();
                }
                return SubmitOutcome.retry(part, status, Instant.now().plus(config.throttleBackoff()));
            }
            return SubmitOutcome.rejected(part, status);
        } catch (ResponseTimeoutException | InvalidResponseException e) {
            metrics.submitted("unconfirmed", "none", Duration.ofNanos(System.nanoTime() - started));
            return SubmitOutcome.unconfirmed(part, "no_submit_response");
        } catch (PDUException e) {
            metrics.submitted("rejected", "invalid_pdu", Duration.ofNanos(System.nanoTime() - started));
            return SubmitOutcome.rejected(part, "invalid_pdu");
        } catch (IOException | IllegalStateException e) {
            // not written: the session was gone before the PDU left
            metrics.submitted("retry", "not_bound", Duration.ofNanos(System.nanoTime() - started));
            return SubmitOutcome.retry(part, "not_bound", Instant.now());
        }
    }

    /**
     * SMPP 3.4 (5.2.1-5.2.3) bounds the bind's fields: a longer one would be refused at every bind, and the library's
     * error would carry the password into the log. Refused at start-up instead, naming only the setting.
     */
    static void requireBindable(SmppConfig config) {
        if (config.systemId().length() > 15) {
            throw new IllegalStateException("cellgate.smpp.system-id: SMPP 3.4 allows at most 15 characters");
        }
        if (config.password().orElse("").length() > 8) {
            throw new IllegalStateException("cellgate.smpp.password: SMPP 3.4 allows at most 8 characters");
        }
        if (config.systemType().orElse("").length() > 12) {
            throw new IllegalStateException("cellgate.smpp.system-type: SMPP 3.4 allows at most 12 characters");
        }
    }

    /** SMPP 3.4's relative time (7.1.1): YYMMDDhhmmss000R, here in days, hours, minutes and seconds. */
    static String relativeValidity(Duration left) {
        long seconds = Math.min(left.toSeconds(), 99L * 86_400 + 86_399);
        return String.format("0000%02d%02d%02d%02d000R", seconds / 86_400, seconds / 3600 % 24, seconds / 60 % 60,
                seconds % 60);
    }

    private static String defaultReplicaId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "replica";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
