package io.cellgate.sim;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One SIM delivered by the card manufacturer. Validated as a whole import, so every bad row is reported at once. */
@Schema(name = "SimImportRow")
public record SimImportRow(
        @Schema(required = true, description = "19-20 digits, Luhn check digit", example = "89490200001234567894") String iccid,
        @Schema(required = true, description = "15 digits", example = "262011234567890") String imsi,
        @Schema(description = "E.164, optional", example = "+4917012345678") String msisdn,
        @Schema(example = "{\"batch\":\"2026-11\"}") Map<String, String> labels) {
}
