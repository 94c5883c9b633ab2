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
    void missingStaleAndMalformedAreThreeProblems() {
        assertEquals(ProblemType.PRECONDITION_REQUIRED, refusal(() -> IfMatch.require(null, 3, "SIM x")));
        assertEquals(ProblemType.PRECONDITION_REQUIRED, refusal(() -> IfMatch.require(" ", 3, "SIM x")));
        assertEquals(ProblemType.PRECONDITION_FAILED, refusal(() -> IfMatch.require("\"2\"", 3, "SIM x")));
        assertEquals(ProblemType.VALIDATION_FAILED, refusal(() -> IfMatch.require("3", 3, "SIM x")));
        assertEquals(ProblemType.VALIDATION_FAILED, refusal(() -> IfMatch.require("W/\"3\"", 3, "SIM x")));
        assertEquals(ProblemType.VALIDATION_FAILED, refusal(() -> IfMatch.require("\"3\u0000\"", 3, "SIM x")));
        assertEquals(ProblemType.VALIDATION_FAILED, refusal(() -> IfMatch.require("\"" + "9".repeat(40) + "\"", 3, "x")));
    }

    private static ProblemType refusal(Executable write) {
        return assertThrows(ProblemException.class, write).type();
    }
}
