package io.cellgate.network.smpp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;

/**
 * The bind to the SMSC: bind_transceiver with the configured system id and password, enquire_link to keep it (and to
 * notice a dead peer), and a new bind after each loss, waiting from reconnectMin, doubled up to reconnectMax. One
 * thread keeps it; others ask for the bound session and wait while there is none.
 */
@ApplicationScoped
public class SmscLink {
    private static final Logger LOG = Logger.getLogger(SmscLink.class);

    @Inject
    SmppConfig config;
    @Inject
    DeliverSmHandler receiver;
    @Inject
    SmppMetrics metrics;

    private final Object changes = new Object();
    private volatile SMPPSession session;
    private volatile boolean running;
    private Thread keeper;

    void start() {
        running = true;
        keeper = new Thread(this::keep, "smpp-link");
        keeper.setDaemon(true);
        keeper.start();
    }

    /** The bound session, or null while there is none. */
    SMPPSession bound() {
        SMPPSession current = session;
        return current != null && current.getSessionState().isBound() ? current : null;
    }

    boolean isBound() {
        return bound() != null;
    }

    /** Waits up to {@code wait} for a bound session; null if there is none by then. */
    SMPPSession awaitBound(Duration wait) throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        synchronized (changes) {
            SMPPSession current;
            while ((current = bound()) == null && running) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                changes.wait(Math.max(1, left / 1_000_000));
            }
            return current;
        }
    }

    /** Unbinds (waiting for the SMSC's unbind_resp) and closes; no new bind is made. */
    void stop() {
        running = false;
        if (keeper != null) {
            keeper.interrupt();
        }
        SMPPSession current = session;
        if (current != null) {
            current.unbindAndClose();
        }
        signal();
    }

    private void keep() {
        Duration wait = config.reconnectMin();
        while (running) {
            try {
                if (bound() != null) {
                    synchronized (changes) {
                        changes.wait(1000);
                    }
                    continue;
                }
                if (bind()) {
                    wait = config.reconnectMin();
                    continue;
                }
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2).compareTo(config.reconnectMax()) > 0 ? config.reconnectMax()
                        : wait.multipliedBy(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean bind() {
        SMPPSession next = new SMPPSession();
        next.setPduProcessorDegree(config.receiveThreads());
        // beyond this many waiting PDUs the library answers the SMSC ESME_RTHROTTLED (it sends them again later)
        next.setQueueCapacity(config.receiveThreads() * 16);
        next.setTransactionTimer(config.responseTimeout().toMillis());
        next.setEnquireLinkTimer((int) config.enquireLink().toMillis());
        next.setMessageReceiverListener(receiver);
        next.addSessionStateListener((now, before, source) -> signal());
        try {
            next.connectAndBind(config.host(), config.port(), new BindParameter(BindType.BIND_TRX, config.systemId(),
                    config.password().orElse(""), config.systemType().orElse(""), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                    null), config.responseTimeout().toMillis());
            session = next;
            metrics.bind("bound");
            LOG.infof("Bound to the SMSC at %s:%d as %s", config.host(), config.port(), config.systemId());
            signal();
            return true;
        } catch (IOException | RuntimeException e) {
            next.close();
            metrics.bind("failed");
            LOG.warnf("Binding to the SMSC at %s:%d failed: %s", config.host(), config.port(), e.getMessage());
            return false;
        }
    }

    private void signal() {
        synchronized (changes) {
            changes.notifyAll();
        }
    }
}
