package io.cellgate.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellgate.common.id.Iccid;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A cursor comes back from the client: only one this API made is taken, as the list's own key type. */
@Tag("unit")
class CursorTest {

    @Test
    void aCursorCarriesTheLastKeyOfAPage() {
        assertEquals("89490200000000000013", Cursor.decode(Cursor.encode("89490200000000000013")));
        assertEquals(Iccid.parse("89490200000000000013"),
                Cursor.decode(Cursor.encode("89490200000000000013"), Iccid::parse));
        assertNull(Cursor.decode(null));
        assertNull(Cursor.decode("", Long::valueOf));
    }

    @Test
    void anythingElseIsAValidationProblemNamingTheCursor() {
        String nul = Base64.getUrlEncoder().encodeToString("c1:a\u0000b".getBytes(StandardCharsets.UTF_8));
        String notUtf8 = Base64.getUrlEncoder().encodeToString(new byte[] {'c', '1', ':', (byte) 0xC3, 0x28});
        for (String bad : new String[] {"not base64!", nul, notUtf8, Cursor.encode("x").substring(2), "Yw",
                "a".repeat(1001)}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> Cursor.decode(bad), bad);
            assertEquals(ProblemType.VALIDATION_FAILED, refused.type());
        }
        assertThrows(ProblemException.class, () -> Cursor.decode(Cursor.encode("not a number"), Long::valueOf));
        assertThrows(ProblemException.class, () -> Cursor.decode(Cursor.encode("8949"), Iccid::parse));
    }
}
