package io.cellgate.common.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The identifiers are checked once, when made: what is refused, and why. */
@Tag("unit")
class IdentifiersTest {
    static final String ICCID = "89490200000000000013";

    @Test
    void anIccidHasNineteenOrTwentyDigitsAndItsLuhnCheckDigit() {
        assertEquals(ICCID, Iccid.parse(ICCID).value());
        String nineteen = "894902000000000001" + Luhn.checkDigit("894902000000000001");
        assertEquals(nineteen, Iccid.parse(nineteen).value());
        assertEquals("Luhn check digit is wrong", Iccid.error("89490200000000000014"));
        assertEquals("must be 19 or 20 digits", Iccid.error("8949"));
        assertEquals("must be 19 or 20 digits", Iccid.error("8949020000000000001\u0000"));
        assertEquals("required", Iccid.error(null));
        assertThrows(IllegalArgumentException.class, () -> Iccid.parse("89490200000000000014"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"26201000000000", "2620100000000001", "26201000000000a", "２６２０１００００００００００１"})
    void anImsiHasFifteenDigits(String value) {
        assertThrows(IllegalArgumentException.class, () -> Imsi.parse(value));
    }

    @Test
    void identifiersAreEqualByKindAndValue() {
        assertEquals(Imsi.parse("262010000000001"), Imsi.parse("262010000000001"));
        assertFalse(Imsi.parse("262010000000001").equals(Iccid.parse(ICCID)));
        assertEquals(ICCID, Iccid.parse(ICCID).toString());
        assertEquals(Iccid.distinct(java.util.List.of(Iccid.parse(ICCID), Iccid.parse(ICCID))).size(), 1);
    }

    @Test
    void aSimKeyOfFifteenDigitsIsAnImsiAndElseAnIccid() {
        assertInstanceOf(Imsi.class, SimKey.parse("262010000000001"));
        assertInstanceOf(Iccid.class, SimKey.parse(ICCID));
        assertThrows(IllegalArgumentException.class, () -> SimKey.parse("42"));
    }

    @Test
    void anMsisdnIsEOneSixtyFourAndKeptWithItsPlus() {
        assertEquals("+4917012345678", Msisdn.parse("4917012345678").value());
        assertEquals("+4917012345678", Msisdn.parse("+4917012345678").value());
        assertEquals(Msisdn.parse("4917012345678"), Msisdn.parse("+4917012345678"));
        assertTrue(Msisdn.error("+0491701234567").startsWith("must be an E.164 number"));
        assertTrue(Msisdn.error("+49 170 1234567").startsWith("must be an E.164 number"));
        assertTrue(Msisdn.error("+4917012345678901").startsWith("must be an E.164 number"), "16 digits");
    }

    @Test
    void anImeiAndItsImeisvNameTheSameDevice() {
        Imei imei = Imei.parse("356938035643809");
        Imei imeisv = Imei.parse("3569380356438091");
        assertTrue(imei.sameDevice(imeisv));
        assertTrue(imeisv.isSoftwareVersion());
        assertEquals(imei, imeisv.withoutSoftwareVersion());
        assertEquals(imei, imei.withoutSoftwareVersion());
        assertFalse(imei.sameDevice(Imei.parse("356938035643817")));
        assertEquals("Luhn check digit is wrong", Imei.error("356938035643808"));
        assertEquals("must be 15 digits (IMEI) or 16 digits (IMEISV)", Imei.error("35693803564380"));
    }

    @Test
    void aTenantIdIsASlug() {
        assertEquals("acme", TenantId.parse("acme").value());
        assertEquals("globex-2", TenantId.parse("globex-2").value());
        for (String bad : new String[] {"a", "Acme", "1acme", "acme!", "ac me", "acme\u0000", "*", "a".repeat(64)}) {
            assertThrows(IllegalArgumentException.class, () -> TenantId.parse(bad), bad);
        }
    }

    @Test
    void luhnCheckDigitsAreComputedAndChecked() {
        assertEquals(3, Luhn.checkDigit("8949020000000000001"));
        assertTrue(Luhn.valid("79927398713"));
        assertFalse(Luhn.valid("79927398710"));
    }
}
