package io.cellgate.sim.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellgate.common.problem.FieldError;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** SIM imports in CSV: the header names the columns, quotes may hold anything, bad input names its row. */
@Tag("unit")
class SimCsvTest {

    @Test
    void rowsFollowTheHeaderWithQuotesAndLabels() {
        List<SimImportRow> rows = SimCsv.parse(bytes("\uFEFFimsi,iccid,label:site,msisdn\r\n"
                + "262010000000001,89490200000000000013,\"Hamburg, \"\"north\"\"\",\n"
                + "262010000000002,89490200000000000021,,+4917000000002\n\n"));
        assertEquals(2, rows.size());
        assertEquals(new SimImportRow("89490200000000000013", "262010000000001", null,
                Map.of("site", "Hamburg, \"north\"")), rows.get(0));
        assertEquals(new SimImportRow("89490200000000000021", "262010000000002", "+4917000000002", Map.of()), rows.get(1));
    }

    @Test
    void aWrongHeaderIsAValidationProblem() {
        ProblemException refused = assertThrows(ProblemException.class, () -> SimCsv.parse(bytes("iccid,colour\n1,2\n")));
        assertEquals(ProblemType.VALIDATION_FAILED, refused.type());
        assertEquals(List.of(FieldError.of("header", "missing column imsi"), FieldError.of("header",
                "unknown column 'colour'")), refused.toProblem(null).errors);
        assertEquals(ProblemType.VALIDATION_FAILED, assertThrows(ProblemException.class,
                () -> SimCsv.parse(bytes(""))).type());
    }

    @Test
    void rowsOfTheWrongWidthAndBytesThatAreNotUtf8NameTheRow() {
        ProblemException ragged = assertThrows(ProblemException.class,
                () -> SimCsv.parse(bytes("iccid,imsi\n1,2\n3\n")));
        assertEquals(ProblemType.IMPORT_REJECTED, ragged.type());
        assertEquals(List.of(new FieldError(2, "row", "has 1 fields, the header has 2")), ragged.toProblem(null).errors);

        byte[] latin1 = "iccid,imsi,label:city\n1,2,K\u00f6ln\n".getBytes(StandardCharsets.ISO_8859_1);
        ProblemException notUtf8 = assertThrows(ProblemException.class, () -> SimCsv.parse(latin1));
        assertEquals(ProblemType.IMPORT_REJECTED, notUtf8.type());
        assertEquals(List.of(new FieldError(1, "row", "not valid UTF-8")), notUtf8.toProblem(null).errors);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
