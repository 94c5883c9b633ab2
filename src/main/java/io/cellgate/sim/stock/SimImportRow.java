package io.cellgate.sim.stock;

import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.Imsi;
import io.cellgate.sim.SimLabels;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One SIM delivered by the card manufacturer, as sent: the import is checked as a whole, so that every bad row is
 * reported at once ({@link SimImportValidator}); only then do its values become identifiers.
 */
@Schema(name = "SimImportRow")
public record SimImportRow(
        @Schema(required = true, description = "19-20 digits, Luhn check digit", example = "89490200001234567894",
                pattern = Iccid.PATTERN, maxLength = 20) String iccid,
        @Schema(required = true, description = "15 digits", example = "262011234567890", pattern = Imsi.PATTERN,
                maxLength = 15) String imsi,
        @Schema(description = "E.164, optional", example = "+4917012345678", pattern = "^\\+?[1-9][0-9]{6,14}$",
                maxLength = 16) String msisdn,
        @Schema(example = "{\"batch\":\"2026-11\"}", maxProperties = SimLabels.MAX_LABELS,
                additionalProperties = SimLabels.LabelValue.class) Map<String, String> labels) {
}
