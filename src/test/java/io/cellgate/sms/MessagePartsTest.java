package io.cellgate.sms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudhopper.commons.charset.GSMCharset;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Encoding and splitting by the rules of 3GPP TS 23.038 and 23.040, checked against cloudhopper's GSM tables. */
@Tag("unit")
class MessagePartsTest {

    @Test
    void theBasicAndExtensionTablesAreTheOnesTheMostDeployedJavaSmppLibraryUses() {
        for (int code = 0; code < 128; code++) {
            char c = GSMCharset.CHAR_TABLE[code];
            if (code == Gsm7.ESCAPE) {
                continue;
            }
            assertArrayEquals(new byte[] {(byte) code}, Gsm7.encode(String.valueOf(c)), "basic 0x" + code);
            assertEquals(String.valueOf(c), Gsm7.decode(new byte[] {(byte) code}));
            char extension = GSMCharset.EXT_CHAR_TABLE[code];
            if (extension != 0) {
                assertArrayEquals(new byte[] {Gsm7.ESCAPE, (byte) code}, Gsm7.encode(String.valueOf(extension)));
                assertEquals(2, Gsm7.septets(extension));
            }
        }
        for (String text : List.of("plain ASCII {}[]~|\\^€", "Grüße, Ñandú", "tab\there", "ж", "\uD83D\uDE80", "`")) {
            assertEquals(GSMCharset.canRepresent(text), Gsm7.firstUnencodable(text) < 0, text);
        }
    }

    @Test
    void oneMessageHolds160SeptetsAndALongerTextGoesIn153SeptetParts() {
        assertEquals(1, MessageParts.text("a".repeat(160), SmsEncoding.GSM7, 1).parts().size());
        MessageParts two = MessageParts.text("a".repeat(161), SmsEncoding.GSM7, 0x42);
        assertEquals(2, two.parts().size());
        assertEquals("0500034202", HexFormat.of().formatHex(Arrays.copyOf(two.parts().get(0), 5)));
        assertEquals(6 + 153, two.parts().get(0).length);
        assertEquals(6 + 8, two.parts().get(1).length);
        // the extension table counts twice: 80 euro signs are 160 septets
        assertEquals(1, MessageParts.text("€".repeat(80), SmsEncoding.GSM7, 1).parts().size());
        assertEquals(2, MessageParts.text("€".repeat(81), SmsEncoding.GSM7, 1).parts().size());
    }

    @Test
    void anEscapeSequenceIsNeverSplitBetweenParts() {
        String text = "a".repeat(152) + "€" + "b".repeat(10);
        MessageParts parts = MessageParts.text(text, SmsEncoding.GSM7, 7);
        byte[] first = parts.parts().get(0);
        assertEquals(6 + 152, first.length);
        assertFalse(first[first.length - 1] == Gsm7.ESCAPE);
        assertEquals(text, Gsm7.decode(userData(parts)));
    }

    @Test
    void ucs2Holds70UnitsAloneOr67PerPartAndKeepsSurrogatePairsWhole() {
        assertEquals(1, MessageParts.text("ж".repeat(70), SmsEncoding.UCS2, 1).parts().size());
        String text = "ж".repeat(66) + "\uD83D\uDE80" + "я".repeat(3);
        MessageParts split = MessageParts.text(text, SmsEncoding.UCS2, 1);
        assertEquals(2, split.parts().size());
        assertEquals(6 + 66 * 2, split.parts().get(0).length);
        assertEquals(text, new String(userData(split), StandardCharsets.UTF_16BE));
    }

    @Test
    void binaryKeepsTheCallersUdhAndAddsTheConcatenationElementWhenItMustSplit() {
        byte[] port = HexFormat.of().parseHex("0605040b8423f0");
        MessageParts one = MessageParts.binary(new byte[133], port, 4, 9);
        assertEquals(1, one.parts().size());
        assertEquals(140, one.parts().get(0).length);
        MessageParts two = MessageParts.binary(new byte[134], port, 4, 9);
        assertEquals(2, two.parts().size());
        assertEquals("0b05040b8423f00003090201", HexFormat.of().formatHex(Arrays.copyOf(two.parts().get(0), 12)));
        assertTrue(two.parts().stream().allMatch(p -> p.length <= 140));
        assertEquals(1, MessageParts.binary(new byte[140], null, 4, 1).parts().size());
    }

    @Test
    void moreThanTenPartsIsRefused() {
        assertEquals(10, MessageParts.text("a".repeat(1530), SmsEncoding.GSM7, 1).parts().size());
        assertNull(MessageParts.text("a".repeat(1531), SmsEncoding.GSM7, 1));
        assertNull(MessageParts.text("ж".repeat(671), SmsEncoding.UCS2, 1));
        assertNull(MessageParts.binary(new byte[1341], null, 4, 1));
    }

    @Test
    void aRepliesTextKeepsWhatDoesNotDecodeAsReplacementCharacters() {
        assertEquals("A\uFFFD", SmsGateway.decode(SmsEncoding.GSM7, new byte[] {0x41, (byte) 0x80}));
        assertEquals("\uFFFD", SmsGateway.decode(SmsEncoding.UCS2, new byte[] {(byte) 0xD8, 0x3D}));
        assertEquals("a\uFFFDb", SmsGateway.decode(SmsEncoding.UCS2, new byte[] {0, 'a', 0, 0, 0, 'b'}));
        assertEquals("@{\uFFFD", SmsGateway.decode(SmsEncoding.IA5, new byte[] {0x40, 0x7B, (byte) 0xC4}));
    }

    @Test
    void aReplyIsReadInTheAlphabetItsDataCodingNames() {
        assertEquals(SmsEncoding.GSM7, SmsEncoding.ofDataCoding(0x00));
        assertEquals(SmsEncoding.IA5, SmsEncoding.ofDataCoding(0x01));
        assertEquals(SmsEncoding.LATIN1, SmsEncoding.ofDataCoding(0x03));
        assertEquals(SmsEncoding.UCS2, SmsEncoding.ofDataCoding(0x08));
        assertEquals(SmsEncoding.BINARY, SmsEncoding.ofDataCoding(0x04));
        // '@' is 0x00 in GSM 7-bit and 0x40 in ASCII; 'Ä' is 0xC4 in Latin-1 and 0x5B in GSM 7-bit
        assertEquals("@", SmsGateway.decode(SmsEncoding.IA5, new byte[] {0x40}));
        assertEquals("\u00A1", SmsGateway.decode(SmsEncoding.GSM7, new byte[] {0x40}));
        assertEquals("\u00C4", SmsGateway.decode(SmsEncoding.LATIN1, new byte[] {(byte) 0xC4}));
        assertEquals("\u00C4", SmsGateway.decode(SmsEncoding.GSM7, new byte[] {0x5B}));
    }

    /** The user data of all parts, the 6-octet concatenation UDH of each taken off. */
    private static byte[] userData(MessageParts parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.parts().forEach(p -> out.writeBytes(Arrays.copyOfRange(p, 6, p.length)));
        return out.toByteArray();
    }
}
