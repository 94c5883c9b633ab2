package io.cellgate.sim;

import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.Imsi;
import io.cellgate.common.id.Msisdn;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.web.IfMatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Sim")
public record SimView(
        Iccid iccid,
        Imsi imsi,
        Msisdn msisdn,
        @Schema(description = "Owning tenant; null while in stock") TenantId tenantId,
        SimStatus status,
        @Schema(example = "Pump 17, Hamburg", maxLength = SimLabels.MAX_NAME_LENGTH) String name,
        @Schema(example = "{\"site\":\"hamburg\",\"fleet\":\"pumps\"}", maxProperties = SimLabels.MAX_LABELS,
                additionalProperties = SimLabels.LabelValue.class) Map<String, String> labels,
        @Schema(description = "Lifecycle actions the SIM's current state allows", maxItems = 4)
        List<SimAction> allowedActions,
        @Schema(description = "Changes on every update; sent as the ETag", example = "3", minimum = "0",
                maximum = "9223372036854775807") long version,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "First activation, if any") Instant activatedAt,
        @Schema(description = "The service profile chosen for this SIM; null: it follows the tenant's default profile")
        UUID serviceProfileId,
        @Schema(description = "The IMEI (or IMEISV) the network last saw this SIM in", example = "3569380356438091",
                pattern = "^[0-9]{14,16}$", maxLength = 16) String imeiLastSeen) {

    public String etag() {
        return IfMatch.etag(version);
    }
}
