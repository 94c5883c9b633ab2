package io.cellgate.sim.stock;

import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.Imsi;
import io.cellgate.common.id.Msisdn;
import io.cellgate.common.problem.FieldError;
import io.cellgate.sim.SimLabels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Checks every row of an import and finds duplicates inside the file. Rows are numbered from 1. */
final class SimImportValidator {
    private SimImportValidator() {
    }

    static List<FieldError> validate(List<SimImportRow> rows) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            SimImportRow row = rows.get(i);
            int number = i + 1;
            if (row == null) {
                errors.add(new FieldError(number, "row", "must be an object"));
                continue;
            }
            addIfInvalid(errors, number, "iccid", Iccid.error(row.iccid()));
            addIfInvalid(errors, number, "imsi", Imsi.error(row.imsi()));
            addIfInvalid(errors, number, "msisdn", row.msisdn() == null ? null : Msisdn.error(row.msisdn()));
            SimLabels.validate(row.labels(), number, "labels", errors);
        }
        duplicates(rows, "iccid", SimImportRow::iccid, errors);
        duplicates(rows, "imsi", SimImportRow::imsi, errors);
        duplicates(rows, "msisdn", r -> r.msisdn() == null || Msisdn.error(r.msisdn()) != null ? null
                : Msisdn.parse(r.msisdn()).value(), errors);
        return errors;
    }

    private static void addIfInvalid(List<FieldError> errors, int row, String field, String problem) {
        if (problem != null) {
            errors.add(new FieldError(row, field, problem));
        }
    }

    private static void duplicates(List<SimImportRow> rows, String field, Function<SimImportRow, String> key,
                                   List<FieldError> errors) {
        Map<String, Integer> firstSeen = new HashMap<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) {
            String value = rows.get(i) == null ? null : key.apply(rows.get(i));
            if (value == null) {
                continue;
            }
            Integer first = firstSeen.putIfAbsent(value, i + 1);
            if (first != null) {
                errors.add(new FieldError(i + 1, field, "duplicate of row " + first));
            }
        }
    }
}
