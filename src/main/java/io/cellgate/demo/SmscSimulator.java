package io.cellgate.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/**
 * A small SMSC that speaks SMPP 3.4 over TCP (jsmpp's server session), for the demo and the tests: it takes binds with
 * one system id and password, answers submit_sm with a message id, and sends a delivery receipt for each after a
 * delay (DELIVRD, or UNDELIV for numbers told to fail), to whichever session of that ESME is bound then; receipts that
 * find no bound session wait for one, as an SMSC's store does. It can throttle, send devices' messages, and be
 * restarted (its store survives). Not a production SMSC: it delivers nothing to any device.
 */
public class SmscSimulator implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SmscSimulator.class);
    private static final int RECEIPT_WINDOW = 64;
    private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyMMddHHmm");

    /** A submit_sm as the simulator took it. */
    public record Submitted(String messageId, String source, String destination, byte esmClass, int dataCoding,
                            byte[] shortMessage, String sessionId) {
    }

    private record PendingReceipt(Submitted submit, boolean delivered, long dueAt) {
    }

    private final int port;
    private final String systemId;
    private final String password;
    private final long receiptDelayMillis;
    // the last KEPT_SUBMITS submits, for the tests to look at; a long demo or benchmark must not fill the memory
    private static final int KEPT_SUBMITS = 100_000;
    private final ArrayDeque<Submitted> submitted = new ArrayDeque<>();
    private final AtomicLong submittedCount = new AtomicLong();
    private final ConcurrentLinkedQueue<PendingReceipt> receipts = new ConcurrentLinkedQueue<>();
    private final Set<String> failingNumbers = ConcurrentHashMap.newKeySet();
    private final Set<SMPPServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong throttleCounter = new AtomicLong();
    private volatile int throttleEvery;
    private volatile boolean receiptsPaused;
    private volatile SMPPServerSessionListener listener;
    private volatile boolean running;
    private ScheduledExecutorService receiptSender;
    private java.util.concurrent.ExecutorService receiptWorkers;
    private final java.util.concurrent.Semaphore receiptsInFlight = new java.util.concurrent.Semaphore(RECEIPT_WINDOW);

    public SmscSimulator(int port, String systemId, String password, long receiptDelayMillis) {
        this.port = port;
        this.systemId = systemId;
        this.password = password;
        this.receiptDelayMillis = receiptDelayMillis;
    }

    public synchronized void start() throws IOException {
        listener = new SMPPServerSessionListener(port);
        listener.setPduProcessorDegree(16);
        listener.setMessageReceiverListener(new Receiver());
        running = true;
        Thread acceptor = new Thread(this::acceptLoop, "smsc-simulator-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        receiptSender = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "smsc-simulator-receipts");
            thread.setDaemon(true);
            return thread;
        });
        receiptWorkers = Executors.newFixedThreadPool(RECEIPT_WINDOW, runnable -> {
            Thread thread = new Thread(runnable, "smsc-simulator-receipt");
            thread.setDaemon(true);
            return thread;
        });
        receiptSender.scheduleWithFixedDelay(this::sendDueReceipts, 20, 20, TimeUnit.MILLISECONDS);
        LOG.infof("SMSC simulator listening on port %d (system id %s)", port, systemId);
    }

    /** Drops every session and the port, as a crashed or restarted SMSC would; the store stays. */
    public synchronized void stop() {
        running = false;
        try {
            if (listener != null) {
                listener.close();
            }
        } catch (IOException e) {
            LOG.debugf("closing the listener: %s", e.getMessage());
        }
        if (receiptSender != null) {
            receiptSender.shutdownNow();
            receiptWorkers.shutdownNow();
        }
        sessions.forEach(SMPPServerSession::close);
        sessions.clear();
    }

    @Override
    public void close() {
        stop();
    }

    /** Answers every n-th submit with ESME_RTHROTTLED (0: never). */
    public void throttleEvery(int n) {
        throttleEvery = n;
    }

    /** Receipts for this number (E.164 without '+', as submitted) say UNDELIV. */
    public void failDeliveriesTo(String number) {
        failingNumbers.add(number);
    }

    /** Holds receipts back (they are sent once resumed). */
    public void pauseReceipts(boolean paused) {
        receiptsPaused = paused;
    }

    /** The submits taken (the last 100,000), oldest first. */
    public List<Submitted> submitted() {
        synchronized (submitted) {
            return List.copyOf(submitted);
        }
    }

    /** How many submits were taken since the simulator was made. */
    public long submittedCount() {
        return submittedCount.get();
    }

    public int boundSessions() {
        return (int) sessions.stream().filter(s -> s.getSessionState().isBound()).count();
    }

    /**
     * Sends a device's message to the bound ESME: from a number (digits, international), to an address, with the UDH
     * indicator when its short message begins with a UDH. Answers the deliver_sm_resp's status (0 when taken), or -1
     * when no answer could be read: the library's server side cannot read a body-less negative deliver_sm_resp, which
     * SMPP 3.4 allows and its client side sends.
     */
    public int deliverFromDevice(String fromDigits, String to, int dataCoding, byte[] shortMessage, boolean udhi) {
        SMPPServerSession session = sessions.stream().filter(s -> s.getSessionState().isBound()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no ESME is bound"));
        try {
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, fromDigits,
                    to.startsWith("+") ? TypeOfNumber.INTERNATIONAL : TypeOfNumber.UNKNOWN,
                    to.startsWith("+") ? NumberingPlanIndicator.ISDN : NumberingPlanIndicator.UNKNOWN,
                    to.startsWith("+") ? to.substring(1) : to, new ESMClass(udhi ? 0x40 : 0x00), (byte) 0, (byte) 0,
                    new RegisteredDelivery(0), new RawDataCoding((byte) dataCoding), shortMessage);
            return 0;
        } catch (org.jsmpp.extra.NegativeResponseException e) {
            return e.getCommandStatus();
        } catch (org.jsmpp.extra.ResponseTimeoutException e) {
            return -1;
        } catch (Exception e) {
            throw new IllegalStateException("delivering failed: " + e.getMessage(), e);
        }
    }

    private void acceptLoop() {
        while (running) {
            try {
                SMPPServerSession session = listener.accept();
                if (!running) {
                    session.close();
                    return;
                }
                BindRequest bind = session.waitForBind(5000);
                if (systemId.equals(bind.getSystemId()) && password.equals(bind.getPassword())) {
                    bind.accept(systemId);
                    sessions.add(session);
                    session.addSessionStateListener((now, before, source) -> {
                        if (!now.isBound()) {
                            sessions.remove(session);
                        }
                    });
                } else {
                    bind.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                    session.close();
                }
            } catch (Exception e) {
                if (running) {
                    LOG.debugf("accepting a session failed: %s", e.getMessage());
                }
            }
        }
    }

    /** Sends the receipts that are due, up to 64 at a time; one that is not taken goes back to the store. */
    private void sendDueReceipts() {
        long now = System.currentTimeMillis();
        PendingReceipt receipt;
        while (!receiptsPaused && (receipt = receipts.peek()) != null && receipt.dueAt() <= now) {
            SMPPServerSession session = sessions.stream().filter(s -> s.getSessionState().isBound()).findFirst()
                    .orElse(null);
            if (session == null || !receiptsInFlight.tryAcquire()) {
                return;
            }
            PendingReceipt due = receipts.poll();
            receiptWorkers.execute(() -> {
                try {
                    if (!sendReceipt(session, due)) {
                        receipts.add(new PendingReceipt(due.submit(), due.delivered(), System.currentTimeMillis() + 200));
                    }
                } finally {
                    receiptsInFlight.release();
                }
            });
        }
    }

    private boolean sendReceipt(SMPPServerSession session, PendingReceipt pending) {
        Submitted submit = pending.submit();
        String date = LocalDateTime.now().format(RECEIPT_DATE);
        int udh = (submit.esmClass() & 0x40) != 0 ? (submit.shortMessage()[0] & 0xFF) + 1 : 0;
        byte[] text = Arrays.copyOfRange(submit.shortMessage(), udh, Math.min(submit.shortMessage().length, udh + 20));
        String head = "id:" + submit.messageId() + " sub:001 dlvrd:" + (pending.delivered() ? "001" : "000")
                + " submit date:" + date + " done date:" + date + " stat:" + (pending.delivered() ? "DELIVRD" : "UNDELIV")
                + " err:" + (pending.delivered() ? "000" : "001") + " text:";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = Arrays.copyOf(headBytes, headBytes.length + text.length);
        System.arraycopy(text, 0, body, headBytes.length, text.length);
        try {
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                    submit.destination(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, submit.source(),
                    new ESMClass(0x04), (byte) 0, (byte) 0, new RegisteredDelivery(0), new RawDataCoding((byte) 0),
                    body, new OptionalParameter.COctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(),
                            submit.messageId()),
                    new OptionalParameter.Byte(OptionalParameter.Tag.MESSAGE_STATE,
                            (byte) (pending.delivered() ? 2 : 5)));
            return true;
        } catch (Exception e) {
            LOG.debugf("a receipt was not taken (%s); it is sent again", e.getMessage());
            return false;
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
                throws ProcessRequestException {
            int every = throttleEvery;
            if (every > 0 && throttleCounter.incrementAndGet() % every == 0) {
                throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
            }
            String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            Submitted submit = new Submitted(id, submitSm.getSourceAddr(), submitSm.getDestAddress(),
                    submitSm.getEsmClass(), submitSm.getDataCoding() & 0xFF, submitSm.getShortMessage(),
                    source.getSessionId());
            synchronized (submitted) {
                if (submitted.size() == KEPT_SUBMITS) {
                    submitted.removeFirst();
                }
                submitted.addLast(submit);
            }
            submittedCount.incrementAndGet();
            if ((submitSm.getRegisteredDelivery() & 0x03) != 0) {
                receipts.add(new PendingReceipt(submit, !failingNumbers.contains(submit.destination()),
                        System.currentTimeMillis() + receiptDelayMillis));
            }
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (PDUStringException e) {
                throw new ProcessRequestException("bad id", SMPPConstant.STAT_ESME_RSYSERR);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                                                               SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
