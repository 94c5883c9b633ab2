package io.cellgate.sim.stock;

import io.cellgate.common.problem.FieldError;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads SIM imports in CSV (RFC 4180: comma-separated, optional double quotes). The header names the columns:
 * {@code iccid} and {@code imsi} are required, {@code msisdn} is optional, and each {@code label:<key>} column
 * becomes a label. Rows are numbered from 1, the header not counted.
 */
final class SimCsv {
    private static final String LABEL_PREFIX = "label:";

    private SimCsv() {
    }

    static List<SimImportRow> parse(byte[] body) {
        List<List<String>> records = records(utf8(body));
        if (records.isEmpty()) {
            throw ProblemException.invalid("header", "the CSV needs a header row: iccid,imsi[,msisdn][,label:<key>...]");
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        validateHeader(header);
        List<SimImportRow> rows = new ArrayList<>(records.size() - 1);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> fields = records.get(i);
            if (fields.size() != header.size()) {
                errors.add(new FieldError(i, "row", "has " + fields.size() + " fields, the header has " + header.size()));
                continue;
            }
            rows.add(toRow(header, fields));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.IMPORT_REJECTED, errors.size() + " malformed CSV rows",
                    Map.of("errors", errors));
        }
        return rows;
    }

    private static void validateHeader(List<String> header) {
        List<FieldError> errors = new ArrayList<>();
        for (String column : List.of("iccid", "imsi")) {
            if (!header.contains(column)) {
                errors.add(FieldError.of("header", "missing column " + column));
            }
        }
        for (String column : header) {
            if (!column.equals("iccid") && !column.equals("imsi") && !column.equals("msisdn")
                    && !(column.startsWith(LABEL_PREFIX) && column.length() > LABEL_PREFIX.length())) {
                errors.add(FieldError.of("header", "unknown column '" + column + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static SimImportRow toRow(List<String> header, List<String> fields) {
        String iccid = null;
        String imsi = null;
        String msisdn = null;
        Map<String, String> labels = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String value = fields.get(c).strip();
            switch (header.get(c)) {
                case "iccid" -> iccid = value;
                case "imsi" -> imsi = value;
                case "msisdn" -> msisdn = value.isEmpty() ? null : value;
                default -> {
                    if (!value.isEmpty()) {
                        labels.put(header.get(c).substring(LABEL_PREFIX.length()), value);
                    }
                }
            }
        }
        return new SimImportRow(iccid, imsi, msisdn, labels);
    }

    /** The body as text; bytes that are not UTF-8 reject the import, naming the row (the header is row 0). */
    private static String utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed input, replaces nothing
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int row = 0;
            for (int i = 0; i < in.position(); i++) {
                row += body[i] == '\n' ? 1 : 0;
            }
            throw new ProblemException(ProblemType.IMPORT_REJECTED, "The CSV is not valid UTF-8",
                    Map.of("errors", List.of(new FieldError(row, "row", "not valid UTF-8"))));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** Splits the body into records of fields, honouring quotes (which may hold commas, quotes and newlines). */
    private static List<List<String>> records(String body) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = body.startsWith("\uFEFF") ? 1 : 0;
        for (; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                addUnlessBlank(records, fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        addUnlessBlank(records, fields);
        return records;
    }

    private static void addUnlessBlank(List<List<String>> records, List<String> fields) {
        if (!(fields.size() == 1 && fields.get(0).isBlank())) {
            records.add(fields);
        }
    }
}
