package io.cellgate.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Text from outside: what is refused, and how refused text is still recorded. */
@Tag("unit")
class UntrustedTextTest {

    @Test
    void nulControlCharactersAndHalfSurrogatesAreRefused() {
        assertEquals("must not contain NUL characters", UntrustedText.problem("a\u0000b", true));
        assertEquals("must not contain control characters", UntrustedText.problem("a\u0007b", true));
        assertEquals("must not contain control characters", UntrustedText.problem("a\u007fb", true));
        assertEquals("must not contain control characters", UntrustedText.problem("a\u0085b", true));
        assertEquals("must not contain unpaired UTF-16 surrogates", UntrustedText.problem("a\ud800b", true));
        assertEquals("must not contain unpaired UTF-16 surrogates", UntrustedText.problem("a\udc00", true));
    }

    @Test
    void ordinaryTextPassesAndLinesOnlyWhereAllowed() {
        assertNull(UntrustedText.problem("Pump 17, Hamburg – ümlaut 😀", false));
        assertNull(UntrustedText.problem("line one\nline two\tand a tab\r", true));
        assertEquals("must not contain control characters", UntrustedText.problem("line one\nline two", false));
    }

    @Test
    void refusedTextIsRecordedEscaped() {
        assertEquals("/api/v1/sims/\\u0000", UntrustedText.forRecord("/api/v1/sims/\u0000", 100));
        assertEquals("a\\\\u0000b", UntrustedText.forRecord("a\\u0000b", 100), "a backslash sent is not an escape");
        assertEquals("x\\ud800y😀", UntrustedText.forRecord("x\ud800y😀", 100));
        assertEquals("curl/8.5 \\u001b[31m", UntrustedText.forRecord("curl/8.5 \u001b[31m", 100));
        assertNull(UntrustedText.forRecord(null, 10));
    }

    @Test
    void longTextIsCutAndSaysHowLongItWas() {
        assertEquals("aaaaaaaaaa...(10000 characters)", UntrustedText.forRecord("a".repeat(10_000), 10));
        assertEquals("aaaaaaaaaa", UntrustedText.forRecord("a".repeat(10), 10));
    }
}
