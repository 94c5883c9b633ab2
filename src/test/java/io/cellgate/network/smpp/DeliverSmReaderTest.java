package io.cellgate.network.smpp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.ports.SmsGatewayPort.Concatenation;
import io.cellgate.ports.SmsGatewayPort.FinalState;
import io.cellgate.ports.SmsGatewayPort.IncomingSms;
import io.cellgate.ports.SmsGatewayPort.Receipt;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a deliver_sm may carry, read strictly: receipts (SMPP 3.4 appendix B, and the TLVs) and devices' messages. */
@Tag("unit")
class DeliverSmReaderTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void aReceiptsTextGivesItsIdOutcomeErrorAndTheStartOfTheText() throws Exception {
        Receipt receipt = DeliverSmReader.receipt(receipt("id:7f3a9c sub:001 dlvrd:000 submit date:2612031159"
                + " done date:2612031200 stat:UNDELIV err:021 text:Report your posit", null, null), NOW);
        assertEquals("7f3a9c", receipt.smscMessageId());
        assertEquals(FinalState.UNDELIVERABLE, receipt.state());
        assertEquals("err_021", receipt.error());
        assertEquals("+4915112345678", receipt.deviceNumber());
        assertEquals("ACME", receipt.tenantAddress());
        assertArrayEquals("Report your posit".getBytes(StandardCharsets.ISO_8859_1), receipt.textStart());
        assertEquals(NOW, receipt.doneAt());
    }

    @Test
    void theReceiptTlvsWinOverItsText() throws Exception {
        Receipt receipt = DeliverSmReader.receipt(receipt("id:other stat:UNDELIV err:001", "4f2a9c", 2), NOW);
        assertEquals("4f2a9c", receipt.smscMessageId());
        assertEquals(FinalState.DELIVERED, receipt.state());
        assertNull(receipt.error(), "a delivered part carries no error");
    }

    @Test
    void anIntermediateReceiptChangesNothing() throws Exception {
        assertNull(DeliverSmReader.receipt(receipt("id:1 stat:ENROUTE err:000", null, null), NOW));
        assertNull(DeliverSmReader.receipt(receipt("", "1", 1), NOW));
        assertEquals(FinalState.DELIVERED, DeliverSmReader.receipt(receipt("id:1 stat:ACCEPTD err:000", null, null),
                NOW).state(), "accepted on the subscriber's behalf is final");
        assertTrue(DeliverSmReader.isReceipt((byte) 0x20), "an intermediate notification is read as a receipt");
        assertTrue(DeliverSmReader.isAcknowledgement((byte) 0x08));
        assertTrue(!DeliverSmReader.isReceipt((byte) 0x40) && !DeliverSmReader.isAcknowledgement((byte) 0x40));
    }

    @Test
    void aReceiptWithoutAnIdOrAKnownStateIsMalformed() {
        assertThrows(DeliverSmReader.Malformed.class,
                () -> DeliverSmReader.receipt(receipt("sub:001 stat:DELIVRD", null, null), NOW));
        assertThrows(DeliverSmReader.Malformed.class,
                () -> DeliverSmReader.receipt(receipt("id:1 stat:BOGUSST", null, null), NOW));
        assertThrows(DeliverSmReader.Malformed.class,
                () -> DeliverSmReader.receipt(receipt("id:1", null, null), NOW));
        assertThrows(DeliverSmReader.Malformed.class,
                () -> DeliverSmReader.receipt(receipt("id:1 stat:DELIVRD", "bad id", null), NOW));
        assertThrows(DeliverSmReader.Malformed.class,
                () -> DeliverSmReader.receipt(receipt("id:1", "1", 9), NOW));
    }

    @Test
    void aConcatenatedReplyNamesItsPartWithAn8Or16BitReference() throws Exception {
        IncomingSms eight = DeliverSmReader.incoming(mo(0x40, "050003a70201" + "41"));
        assertEquals(new Concatenation(0xA7, 2, 1), eight.concatenation());
        assertArrayEquals(new byte[] {0x41}, eight.userData());
        IncomingSms sixteen = DeliverSmReader.incoming(mo(0x40, "060804beef0302" + "4242"));
        assertEquals(new Concatenation(0xBEEF, 3, 2), sixteen.concatenation());
        IncomingSms other = DeliverSmReader.incoming(mo(0x40, "0605040b8423f0" + "00"));
        assertNull(other.concatenation(), "a port element alone is no concatenation");
        IncomingSms whole = DeliverSmReader.incoming(mo(0x00, "050003a70201"));
        assertNull(whole.concatenation(), "without the UDH indicator the octets are all user data");
        assertEquals(6, whole.userData().length);
        assertEquals("+4915112345678", whole.deviceNumber());
    }

    @Test
    void aUserDataHeaderThatDoesNotAddUpIsMalformed() {
        for (String hex : new String[] {"", "09", "050003a702", "050003a70203", "050003a70200", "050003a70001",
                "0400020102", "05000201"}) {
            assertThrows(DeliverSmReader.Malformed.class, () -> DeliverSmReader.incoming(mo(0x40, hex)), hex);
        }
        assertThrows(DeliverSmReader.Malformed.class, () -> DeliverSmReader.incoming(new DeliverSmReader.Pdu(
                (byte) 0, "not a number", "ACME", 0, 0, new byte[] {1}, null, null, null, null)));
    }

    @Test
    void addressesAreReadAsTheyWereRegistered() {
        assertEquals("+4915112345678", DeliverSmReader.device("4915112345678"));
        assertEquals("+4915112345678", DeliverSmReader.device("+4915112345678"));
        assertEquals("", DeliverSmReader.device("0049 151"));
        assertEquals("+4915550100", DeliverSmReader.tenantAddress("4915550100", SmppAddresses.INTERNATIONAL));
        assertEquals("12345", DeliverSmReader.tenantAddress("12345", 3));
        assertEquals("", DeliverSmReader.tenantAddress("ACME\u0000", 5));
    }

    @Test
    void theValidityPeriodIsSmppsRelativeTime() {
        assertEquals("000002010203000R", SmsSubmitter.relativeValidity(Duration.ofSeconds(2 * 86_400 + 3600 + 123)));
        assertTrue(SmsSubmitter.relativeValidity(Duration.ofDays(400)).startsWith("000099"));
        assertEquals("ESME_RTHROTTLED", SmppStatus.name(0x58));
        assertEquals("ESME_OTHER", SmppStatus.name(0x1234));
        assertTrue(SmppStatus.isTransient(0x14));
        assertTrue(!SmppStatus.isTransient(0x0B));
    }

    private static DeliverSmReader.Pdu receipt(String text, String receiptedId, Integer state) {
        return new DeliverSmReader.Pdu((byte) 0x04, "4915112345678", "ACME", 5, 0,
                text.getBytes(StandardCharsets.ISO_8859_1), null, receiptedId, state, null);
    }

    private static DeliverSmReader.Pdu mo(int esmClass, String hex) {
        return new DeliverSmReader.Pdu((byte) esmClass, "4915112345678", "ACME", 5, 0, HexFormat.of().parseHex(hex),
                null, null, null, null);
    }
}
