package io.cellgate.network.smpp;

import io.cellgate.common.Actor;
import io.cellgate.common.Origin;
import io.cellgate.ports.SmsGatewayPort;
import io.cellgate.ports.SmsGatewayPort.Receipt;
import io.cellgate.ports.SmsGatewayPort.Received;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;

/**
 * Takes in what the SMSC delivers: receipts (written in groups) and devices' messages. The deliver_sm_resp is sent only
 * once what it carried is durable: a failure, or a write that takes longer than the answer may wait, answers "try again
 * later" (ESME_RX_T_APPN), so the SMSC delivers it again and nothing is lost; a malformed one is refused for good
 * (ESME_RX_P_APPN). A device's message is written with a deadline short of that wait, so that one answered "try again
 * later" was not kept and its next delivery is stored once (receipts may be applied twice: the second changes nothing).
 */
@ApplicationScoped
public class DeliverSmHandler implements MessageReceiverListener {
    private static final Logger LOG = Logger.getLogger(DeliverSmHandler.class);
    static final Actor SMSC = Actor.networkFunction("smpp", Origin.system("smpp"));

    @Inject
    SmsGatewayPort gateway;
    @Inject
    SmppMetrics metrics;
    @Inject
    SmppConfig config;

    private GroupWriter<Receipt> receipts;

    @PostConstruct
    void start() {
        receipts = new GroupWriter<>("receipts", 500, batch -> gateway.receipts(SMSC, batch));
    }

    @PreDestroy
    void stop() {
        receipts.stop(Duration.ofSeconds(5));
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        DeliverSmReader.Pdu pdu = pdu(deliverSm);
        boolean receipt = DeliverSmReader.isReceipt(deliverSm.getEsmClass());
        String kind = receipt ? "receipt" : "mo";
        if (!receipt && DeliverSmReader.isAcknowledgement(deliverSm.getEsmClass())) {
            metrics.refused("acknowledgement", "ignored");
            return;
        }
        Instant arrived = Instant.now();
        Duration wait = config.answerWithin();
        try {
            if (receipt) {
                takeReceipt(pdu, wait);
            } else {
                Instant writtenBy = arrived.plus(wait.multipliedBy(4).dividedBy(5));
                Received outcome = gateway.received(SMSC, DeliverSmReader.incoming(pdu), writtenBy).await()
                        .atMost(wait);
                metrics.received(outcome.name().toLowerCase());
            }
        } catch (DeliverSmReader.Malformed e) {
            metrics.refused(kind, "malformed");
            throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RX_P_APPN);
        } catch (RuntimeException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            metrics.refused(kind, "not_recorded");
            LOG.warnf("A deliver_sm (%s) was not recorded, the SMSC is asked to deliver it again: %s", kind, e);
            throw new ProcessRequestException("not recorded, deliver it again", SMPPConstant.STAT_ESME_RX_T_APPN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessRequestException("shutting down", SMPPConstant.STAT_ESME_RX_T_APPN);
        }
    }

    private void takeReceipt(DeliverSmReader.Pdu pdu, Duration wait) throws DeliverSmReader.Malformed, InterruptedException,
            java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        Receipt receipt = DeliverSmReader.receipt(pdu, Instant.now());
        if (receipt == null) {
            metrics.receipt("intermediate");
            return;
        }
        receipts.add(receipt).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        metrics.receipt(receipt.state().dbValue());
    }

    static DeliverSmReader.Pdu pdu(DeliverSm sm) {
        return new DeliverSmReader.Pdu(sm.getEsmClass(), sm.getSourceAddr(), sm.getDestAddress(),
                sm.getDestAddrTon(), sm.getDataCoding() & 0xFF,
                sm.getShortMessage() == null ? new byte[0] : sm.getShortMessage(),
                tlv(sm, OptionalParameter.Tag.MESSAGE_PAYLOAD),
                text(tlv(sm, OptionalParameter.Tag.RECEIPTED_MESSAGE_ID)),
                octet(tlv(sm, OptionalParameter.Tag.MESSAGE_STATE)),
                tlv(sm, OptionalParameter.Tag.NETWORK_ERROR_CODE));
    }

    /** A TLV's value octets, or null when the PDU has none. */
    private static byte[] tlv(DeliverSm sm, OptionalParameter.Tag tag) {
        OptionalParameter parameter = sm.getOptionalParameter(tag);
        if (parameter == null) {
            return null;
        }
        byte[] whole = parameter.serialize();
        return Arrays.copyOfRange(whole, 4, whole.length);
    }

    /** A C-octet string TLV's text (its NUL dropped); null when absent or not printable ASCII (the text's id then). */
    private static String text(byte[] value) {
        if (value == null) {
            return null;
        }
        int end = value.length > 0 && value[value.length - 1] == 0 ? value.length - 1 : value.length;
        String text = new String(value, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1);
        return !text.isEmpty() && text.chars().allMatch(c -> c > 0x20 && c < 0x7F) ? text : null;
    }

    private static Integer octet(byte[] value) {
        return value == null || value.length != 1 ? null : value[0] & 0xFF;
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        metrics.refused("alert_notification", "ignored");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        metrics.refused("data_sm", "unsupported");
        throw new ProcessRequestException("data_sm is not taken here", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
