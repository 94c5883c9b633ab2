package io.cellgate.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cellgate.common.id.Iccid;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuthEvent", description = "An Access-Request for the SIM that Cellgate rejected")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthEventView(
        @Schema(description = "Increasing; newest first", example = "1042", minimum = "1", maximum = "9223372036854775807") long id,
        Iccid iccid,
        Instant at,
        @Schema(description = "Why (README, \"Connect your packet gateway\")", example = "imei_mismatch",
                enumeration = {"tenant_suspended", "sim_not_active", "data_disabled", "apn_not_allowed", "imei_missing",
                        "imei_mismatch", "data_limit_reached", "policy_too_large"}) String reason,
        @Schema(example = "pgw-fra-1", maxLength = 63) String nasName,
        @Schema(example = "iot.cellgate", maxLength = 100) String apn,
        @Schema(maxLength = 16, example = "3569380356438091") String imei,
        @Schema(description = "3GPP-RAT-Type (TS 29.061): 1 UTRAN, 2 GERAN, 6 EUTRAN, ...", example = "6", minimum = "0",
                maximum = "255") Integer ratType) {
}
