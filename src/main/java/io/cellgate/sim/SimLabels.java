package io.cellgate.sim;

import io.cellgate.common.UntrustedText;
import io.cellgate.common.problem.FieldError;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A SIM's name and label rules, shared by imports and updates: keys are short identifiers, values short strings. */
public final class SimLabels {
    public static final int MAX_LABELS = 64;
    public static final int MAX_VALUE_LENGTH = 255;
    public static final int MAX_NAME_LENGTH = 200;
    public static final String KEY_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$";
    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);

    private SimLabels() {
    }

    /** Labels in the contract: at most {@value #MAX_LABELS}, each value a string of at most 255 characters. */
    @Schema(name = "LabelValue", type = SchemaType.STRING, maxLength = MAX_VALUE_LENGTH, example = "hamburg",
            description = "A label's value; label keys are 1-63 letters, digits, '_', '.' or '-'")
    public interface LabelValue {
    }

    /** Adds an error for each bad label to {@code errors}; {@code row} is the import row or null. */
    public static void validate(Map<String, String> labels, Integer row, String field, List<FieldError> errors) {
        if (labels == null) {
            return;
        }
        if (labels.size() > MAX_LABELS) {
            errors.add(new FieldError(row, field, "at most " + MAX_LABELS + " labels"));
        }
        labels.forEach((key, value) -> {
            String problem = value == null ? null : UntrustedText.problem(value, false);
            if (!KEY.matcher(key).matches()) {
                errors.add(new FieldError(row, field + "." + key, "label keys are 1-63 letters, digits, '_', '.' or '-'"));
            } else if (value != null && value.length() > MAX_VALUE_LENGTH) {
                errors.add(new FieldError(row, field + "." + key, "at most " + MAX_VALUE_LENGTH + " characters"));
            } else if (problem != null) {
                errors.add(new FieldError(row, field + "." + key, problem));
            }
        });
    }

    /** Applies a merge patch: null values remove keys. */
    public static Map<String, String> merge(Map<String, String> current, Map<String, String> patch) {
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
