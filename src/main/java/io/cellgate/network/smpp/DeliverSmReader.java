package io.cellgate.network.smpp;

import io.cellgate.ports.SmsGatewayPort.Concatenation;
import io.cellgate.ports.SmsGatewayPort.FinalState;
import io.cellgate.ports.SmsGatewayPort.IncomingSms;
import io.cellgate.ports.SmsGatewayPort.Receipt;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a deliver_sm as strictly as the REST API reads a request: a delivery receipt (SMPP 3.4, appendix B: its
 * {@code id:... stat:... err:...} text, or the receipted_message_id and message_state TLVs, which win), or a device's
 * message with its concatenation UDH (3GPP TS 23.040, 9.2.3.24). What cannot be read is {@link Malformed}: refused
 * for good, never half-used.
 */
final class DeliverSmReader {
    static final int TEXT_START_OCTETS = 20;
    private static final Pattern RECEIPT_ID = Pattern.compile("(?i)\\bid:([A-Za-z0-9-]{1,65})(?:\\s|$)");
    private static final Pattern RECEIPT_STAT = Pattern.compile("(?i)\\bstat:([A-Z]{7})\\b");
    private static final Pattern RECEIPT_ERR = Pattern.compile("(?i)\\berr:([A-Za-z0-9]{1,3})\\b");
    private static final Pattern DEVICE = Pattern.compile("^\\+?([1-9][0-9]{6,14})$");
    private static final Pattern TENANT_ADDRESS = Pattern.compile("^(\\+?[0-9]{3,15}|[A-Za-z0-9 ]{1,11})$");

    /** A deliver_sm that cannot be taken in as it is. */
    static final class Malformed extends Exception {
        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The fields of a deliver_sm that matter here. TLV values are null when absent. */
    record Pdu(byte esmClass, String sourceAddr, String destAddr, int destAddrTon, int dataCoding, byte[] shortMessage,
               byte[] messagePayload, String receiptedMessageId, Integer messageState, byte[] networkErrorCode) {
    }

    private DeliverSmReader() {
    }

    /** A delivery receipt (esm_class message type 0x04) or an intermediate delivery notification (0x20). */
    static boolean isReceipt(byte esmClass) {
        int type = esmClass & 0x3C;
        return type == 0x04 || type == 0x20;
    }

    /** An SME delivery or user acknowledgement (0x08, 0x10): neither a receipt nor a device's message. */
    static boolean isAcknowledgement(byte esmClass) {
        int type = esmClass & 0x3C;
        return type == 0x08 || type == 0x10;
    }

    /**
     * The final receipt in a deliver_sm, or null for an intermediate one (en route) that changes nothing. ACCEPTD
     * (accepted on the subscriber's behalf) is final, and counts as delivered.
     */
    static Receipt receipt(Pdu pdu, Instant now) throws Malformed {
        String text = new String(pdu.shortMessage(), StandardCharsets.ISO_8859_1);
        String id = pdu.receiptedMessageId() != null ? pdu.receiptedMessageId() : group(RECEIPT_ID, text);
        if (id == null || !id.matches("^[A-Za-z0-9-]{1,65}$")) {
            throw new Malformed("a receipt without a message id");
        }
        FinalState state;
        if (pdu.messageState() != null) {
            state = stateOf(pdu.messageState());
        } else {
            String stat = group(RECEIPT_STAT, text);
            if (stat == null) {
                throw new Malformed("a receipt without stat");
            }
            state = stateOf(stat.toUpperCase(Locale.ROOT));
        }
        if (state == null) {
            return null;
        }
        String error = pdu.networkErrorCode() != null && pdu.networkErrorCode().length == 3
                ? "network_" + (pdu.networkErrorCode()[0] & 0xFF) + "_" + (((pdu.networkErrorCode()[1] & 0xFF) << 8)
                | (pdu.networkErrorCode()[2] & 0xFF))
                : group(RECEIPT_ERR, text) == null || group(RECEIPT_ERR, text).matches("0+") ? null
                : "err_" + group(RECEIPT_ERR, text);
        return new Receipt(id, state, state == FinalState.DELIVERED ? null : error, now,
                device(pdu.sourceAddr()), tenantAddress(pdu.destAddr(), pdu.destAddrTon()), textStart(pdu.shortMessage()));
    }

    /** A device's message, or one part of it. */
    static IncomingSms incoming(Pdu pdu) throws Malformed {
        String device = device(pdu.sourceAddr());
        String address = tenantAddress(pdu.destAddr(), pdu.destAddrTon());
        if (device.isEmpty() || address.isEmpty()) {
            throw new Malformed("unusable source or destination address");
        }
        byte[] message = pdu.shortMessage().length == 0 && pdu.messagePayload() != null ? pdu.messagePayload()
                : pdu.shortMessage();
        if ((pdu.esmClass() & 0x40) == 0) {
            return new IncomingSms(device, address, pdu.dataCoding(), null, message);
        }
        if (message.length == 0 || (message[0] & 0xFF) + 1 > message.length) {
            throw new Malformed("a user data header longer than the message");
        }
        int headerEnd = (message[0] & 0xFF) + 1;
        Concatenation concatenation = concatenation(message, headerEnd);
        return new IncomingSms(device, address, pdu.dataCoding(), concatenation,
                Arrays.copyOfRange(message, headerEnd, message.length));
    }

    /** The concatenation element of a UDH (8- or 16-bit reference), or null; a single part is no concatenation. */
    private static Concatenation concatenation(byte[] message, int headerEnd) throws Malformed {
        Concatenation found = null;
        int i = 1;
        while (i < headerEnd) {
            if (i + 1 >= headerEnd) {
                throw new Malformed("a truncated information element");
            }
            int iei = message[i] & 0xFF;
            int length = message[i + 1] & 0xFF;
            int start = i + 2;
            if (start + length > headerEnd) {
                throw new Malformed("an information element longer than its header");
            }
            if (iei == 0x00 || iei == 0x08) {
                int expected = iei == 0x00 ? 3 : 4;
                if (length != expected) {
                    throw new Malformed("a concatenation element of " + length + " octets");
                }
                int reference = iei == 0x00 ? message[start] & 0xFF
                        : ((message[start] & 0xFF) << 8) | (message[start + 1] & 0xFF);
                int total = message[start + expected - 2] & 0xFF;
                int part = message[start + expected - 1] & 0xFF;
                if (total == 0 || part == 0 || part > total) {
                    throw new Malformed("part " + part + " of " + total);
                }
                found = total == 1 ? null : new Concatenation(reference, total, part);
            }
            i = start + length;
        }
        return found;
    }

    private static FinalState stateOf(String stat) throws Malformed {
        return switch (stat) {
            case "DELIVRD", "ACCEPTD" -> FinalState.DELIVERED;
            case "EXPIRED" -> FinalState.EXPIRED;
            case "UNDELIV", "DELETED", "UNKNOWN" -> FinalState.UNDELIVERABLE;
            case "REJECTD" -> FinalState.REJECTED;
            case "ENROUTE" -> null;
            default -> throw new Malformed("unknown stat " + stat);
        };
    }

    /** message_state (SMPP 3.4, 5.2.28). */
    private static FinalState stateOf(int messageState) throws Malformed {
        return switch (messageState) {
            case 2, 6 -> FinalState.DELIVERED;
            case 3 -> FinalState.EXPIRED;
            case 4, 5, 7 -> FinalState.UNDELIVERABLE;
            case 8 -> FinalState.REJECTED;
            case 1 -> null;
            default -> throw new Malformed("unknown message_state " + messageState);
        };
    }

    /** The first octets of the receipt's "text:" field, as the part's user data starts (or null). */
    private static byte[] textStart(byte[] receipt) {
        String latin = new String(receipt, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int at = latin.lastIndexOf("text:");
        if (at < 0 || at + 5 >= receipt.length) {
            return null;
        }
        return Arrays.copyOfRange(receipt, at + 5, Math.min(receipt.length, at + 5 + TEXT_START_OCTETS));
    }

    /** The device's number in E.164 with '+', or "" when it is not one. */
    static String device(String address) {
        Matcher m = DEVICE.matcher(address == null ? "" : address);
        return m.matches() ? "+" + m.group(1) : "";
    }

    /** A tenant's address as it was registered: an international number (TON 1) with '+', any other as it is. */
    static String tenantAddress(String address, int ton) {
        if (address == null || !TENANT_ADDRESS.matcher(address).matches()) {
            return "";
        }
        return ton == SmppAddresses.INTERNATIONAL && !address.startsWith("+") ? "+" + address : address;
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
