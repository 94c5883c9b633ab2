package io.cellgate.sim.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellgate.common.problem.FieldError;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** An import is checked as a whole: every bad row and field, and duplicates inside the file. */
@Tag("unit")
class SimImportValidatorTest {

    @Test
    void everyOffendingRowAndFieldIsNamed() {
        List<SimImportRow> rows = Arrays.asList(
                new SimImportRow("89490200000000000013", "262010000000001", "+4917000000001", Map.of("batch", "b1")),
                new SimImportRow("89490200000000000014", "26201", "0049", Map.of("bad key!", "x")),
                null,
                new SimImportRow("89490200000000000013", "262010000000001", "4917000000001",
                        Map.of("note", "a\u0000b")));
        assertEquals(List.of(
                new FieldError(2, "iccid", "Luhn check digit is wrong"),
                new FieldError(2, "imsi", "must be 15 digits"),
                new FieldError(2, "msisdn", "must be an E.164 number, e.g. +491701234567"),
                new FieldError(2, "labels.bad key!", "label keys are 1-63 letters, digits, '_', '.' or '-'"),
                new FieldError(3, "row", "must be an object"),
                new FieldError(4, "labels.note", "must not contain NUL characters"),
                new FieldError(4, "iccid", "duplicate of row 1"),
                new FieldError(4, "imsi", "duplicate of row 1"),
                new FieldError(4, "msisdn", "duplicate of row 1")), SimImportValidator.validate(rows));
    }

    @Test
    void aCleanImportHasNoErrors() {
        assertEquals(List.of(), SimImportValidator.validate(List.of(
                new SimImportRow("89490200000000000013", "262010000000001", null, null),
                new SimImportRow("89490200000000000021", "262010000000002", "+4917000000002", Map.of()))));
    }
}
