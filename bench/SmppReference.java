import io.cellgate.demo.SmscSimulator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;

/**
 * The reference for bench/sms.sh: jsmpp alone, an ESME submitting COUNT one-part messages with a receipt requested to
 * the same SMSC simulator as the demo's (its own instance, on port 12799), WINDOW submits in flight, the same receipt
 * delay, and nothing else (no API, no database). Prints messages per second from the first submit to the last receipt.
 * Usage: java -cp "target/classes:target/quarkus-app/lib/main/*:target/quarkus-app/lib/boot/*" bench/SmppReference.java COUNT WINDOW DELAY_MS
 */
public class SmppReference {
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        int window = Integer.parseInt(args[1]);
        SmscSimulator smsc = new SmscSimulator(12799, "reference", "ref", Long.parseLong(args[2]));
        smsc.start();
        CountDownLatch receipts = new CountDownLatch(count);
        SMPPSession session = new SMPPSession();
        session.setPduProcessorDegree(32);
        session.setQueueCapacity(512);
        session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                receipts.countDown();
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) {
                return null;
            }
        });
        session.connectAndBind("127.0.0.1", 12799, new BindParameter(BindType.BIND_TRX, "reference", "ref", "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        ExecutorService senders = Executors.newFixedThreadPool(window);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        for (int t = 0; t < window; t++) {
            senders.execute(() -> {
                for (int i; (i = next.getAndIncrement()) < count; ) {
                    try {
                        session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                                "REF", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "4917000000001",
                                new ESMClass(), (byte) 0, (byte) 0, null, null,
                                new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                                new RawDataCoding((byte) 0), (byte) 0, ("reference " + i).getBytes());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }
        // until every receipt came, or none came for 10 s; the rate counts receipts up to the last one
        long last = System.nanoTime();
        long seen = receipts.getCount();
        while (!receipts.await(100, TimeUnit.MILLISECONDS) && System.nanoTime() - last < 10_000_000_000L) {
            if (receipts.getCount() != seen) {
                seen = receipts.getCount();
                last = System.nanoTime();
            }
        }
        long received = count - receipts.getCount();
        double seconds = ((receipts.getCount() == 0 ? System.nanoTime() : last) - start) / 1e9;
        System.out.printf("reference (jsmpp alone): messages=%d receipts=%d seconds=%.2f messages_per_s=%.0f%n", count,
                received, seconds, received / seconds);
        senders.shutdownNow();
        session.unbindAndClose();
        smsc.stop();
    }
}
