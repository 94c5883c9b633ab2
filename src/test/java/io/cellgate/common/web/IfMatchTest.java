package io.cellgate.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The one rule for writes to versioned resources. */
@Tag("unit")
class IfMatchTest {

    @Test
    void theCurrentEtagOrAStarWrites() {
        IfMatch.require("\"3\"", 3, "SIM x");
        IfMatch.require("*", 3, "SIM x");
        assertEquals("\"3\"", IfMatch.etag(3));
    }

    @Test
    void missingAndStaleAreTwoProblems() {
        assertEquals(ProblemType.PRECONDITION_REQUIRED, refusal(() -> IfMatch.require(null, 3, "SIM x")));
        assertEquals(ProblemType.PRECONDITION_REQUIRED, refusal(() -> IfMatch.require(" ", 3, "SIM x")));
        assertEquals(ProblemType.PRECONDITION_FAILED, refusal(() -> IfMatch.require("\"2\"", 3, "SIM x")));
    }

    @Test
    void aMalformedIfMatchIsRefusedWhenTheRequestArrives() {
        IfMatch.checkSyntax(null);
        IfMatch.checkSyntax("*");
        IfMatch.checkSyntax("\"3\"");
        assertEquals(ProblemType.VALIDATION_FAILED, refusal(() -> IfMatch.checkSyntax("3")));
        assertEquals(ProblemType.VALIDATION_FAILED, refusal(() -> IfMatch.checkSyntax("W/\"3\"")));
        assertEquals(ProblemType.VALIDATION_FAILED, refusal(() -> IfMatch.checkSyntax("\"3\u0000\"")));
        assertEquals(ProblemType.VALIDATION_FAILED, refusal(() -> IfMatch.checkSyntax("\"" + "9".repeat(40) + "\"")));
    }

    private static ProblemType refusal(Executable write) {
        return assertThrows(ProblemException.class, write).type();
    }
}
