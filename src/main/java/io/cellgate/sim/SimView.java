package io.cellgate.sim;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Sim")
public record SimView(
        @Schema(description = "E.118 ICCID, 19-20 digits with a Luhn check digit", example = "89490200001234567894")
        String iccid,
        @Schema(example = "262011234567890") String imsi,
        @Schema(description = "E.164", example = "+4917012345678") String msisdn,
        @Schema(description = "Owning tenant; null while in stock", example = "acme") String tenantId,
        SimStatus status,
        @Schema(example = "Pump 17, Hamburg") String name,
        @Schema(example = "{\"site\":\"hamburg\",\"fleet\":\"pumps\"}") Map<String, String> labels,
        @Schema(description = "Lifecycle actions the SIM's current state allows") List<SimAction> allowedActions,
        @Schema(description = "Changes on every update; sent as the ETag", example = "3") long version,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "First activation, if any") Instant activatedAt,
        @Schema(description = "The service profile chosen for this SIM; null: it follows the tenant's default profile")
        java.util.UUID serviceProfileId,
        @Schema(description = "The IMEI (or IMEISV) the network last saw this SIM in", example = "3569380356438091")
        String imeiLastSeen) {

    public String etag() {
        return "\"" + version + "\"";
    }
}
