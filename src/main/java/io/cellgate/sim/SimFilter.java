package io.cellgate.sim;

import io.cellgate.common.problem.FieldError;
import io.cellgate.common.problem.ProblemException;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which SIMs a list or a bulk action covers. Every criterion is optional; all given ones must hold. */
public record SimFilter(
        @Schema(description = "Only SIMs in this state") SimStatus status,
        @Pattern(regexp = "^[0-9]{1,20}$", message = "must be 1 to 20 digits")
        @Schema(example = "8949020000", pattern = "^[0-9]{1,20}$", maxLength = 20) String iccidPrefix,
        @Size(max = SimLabels.MAX_LABELS)
        @Schema(description = "Only SIMs carrying all of these labels with these values",
                example = "{\"fleet\":\"pumps\"}", maxProperties = SimLabels.MAX_LABELS,
                additionalProperties = SimLabels.LabelValue.class) Map<String, String> labels) {

    /** A label in a query: key:value. */
    @Schema(name = "LabelSelector", type = SchemaType.STRING, maxLength = 319, pattern = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}:",
            example = "fleet:pumps")
    public interface LabelSelector {
    }

    /** Refuses labels that no SIM could carry, naming each (the other criteria are checked by their types). */
    public SimFilter validated(String field) {
        List<FieldError> errors = new ArrayList<>();
        SimLabels.validate(labels, null, field.isEmpty() ? "labels" : field + ".labels", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return this;
    }

    /** The criteria given, as a job shows them among its parameters. */
    public Map<String, Object> given() {
        Map<String, Object> given = new LinkedHashMap<>();
        if (status != null) {
            given.put("status", status.dbValue());
        }
        if (iccidPrefix != null) {
            given.put("iccid_prefix", iccidPrefix);
        }
        if (labels != null && !labels.isEmpty()) {
            given.put("labels", labels);
        }
        return given;
    }

    /** Parses {@code label=key:value} query parameters. */
    public static Map<String, String> parseLabelParams(List<String> params) {
        Map<String, String> labels = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (String param : params) {
            int colon = param.indexOf(':');
            if (colon <= 0) {
                errors.add(FieldError.of("label", "expected key:value, got '" + param + "'"));
            } else {
                labels.put(param.substring(0, colon), param.substring(colon + 1));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return labels;
    }
}
