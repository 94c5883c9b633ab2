package io.cellgate.sim;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSetter;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A JSON merge patch (RFC 7396) of a SIM: a field left out stays as it is, {@code "name": null} clears the name, and
 * a label set to null is removed while the other labels stay.
 */
@Schema(name = "SimUpdate", description = "JSON merge patch of a SIM's name and labels")
public class SimUpdate {
    private String name;
    @Schema(hidden = true)
    private boolean nameGiven;
    private Map<String, String> labels;

    @Schema(description = "Free text, up to 200 characters; null clears it", example = "Pump 17, Hamburg", nullable = true,
            maxLength = SimLabels.MAX_NAME_LENGTH)
    public String getName() {
        return name;
    }

    @JsonSetter("name")
    public void setName(String name) {
        this.name = name;
        this.nameGiven = true;
    }

    @Schema(description = "Labels to set; a null value removes that label", example = "{\"site\":\"hamburg\"}",
            maxProperties = SimLabels.MAX_LABELS, additionalProperties = SimLabels.LabelValue.class)
    public Map<String, String> getLabels() {
        return labels;
    }

    public void setLabels(Map<String, String> labels) {
        this.labels = labels;
    }

    @JsonIgnore
    @Schema(hidden = true)
    public boolean nameGiven() {
        return nameGiven;
    }
}
