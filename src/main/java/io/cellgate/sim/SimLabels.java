package io.cellgate.sim;

import io.cellgate.common.FieldError;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Label rules, shared by imports and updates: keys are short identifiers, values short strings. */
final class SimLabels {
    static final int MAX_LABELS = 64;
    static final int MAX_VALUE_LENGTH = 255;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    private SimLabels() {
    }

    /** Adds an error for each bad label to {@code errors}; {@code row} is the import row or null. */
    static void validate(Map<String, String> labels, Integer row, String field, List<FieldError> errors) {
        if (labels == null) {
            return;
        }
        if (labels.size() > MAX_LABELS) {
            errors.add(new FieldError(row, field, "at most " + MAX_LABELS + " labels"));
        }
        labels.forEach((key, value) -> {
            if (!KEY.matcher(key).matches()) {
                errors.add(new FieldError(row, field + "." + key, "label keys are 1-63 letters, digits, '_', '.' or '-'"));
            } else if (value != null && value.length() > MAX_VALUE_LENGTH) {
                errors.add(new FieldError(row, field + "." + key, "at most " + MAX_VALUE_LENGTH + " characters"));
            }
        });
    }

    /** Applies a merge patch: null values remove keys. */
    static Map<String, String> merge(Map<String, String> current, Map<String, String> patch) {
        Map<String, String> merged = new TreeMap<>(current);
        patch.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
