package io.cellgate.policy;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the network plane decides from: one SIM's row of the decision view. */
@Schema(name = "Decision", description = "The network plane's view of one SIM: state, tenant state, effective policy,"
        + " IMEI lock and static IP")
public record Decision(
        @Schema(example = "89490200000000000013") String iccid,
        @Schema(example = "262010000000001") String imsi,
        @Schema(example = "+4917000000001") String msisdn,
        @Schema(example = "acme") String tenantId,
        @Schema(example = "active") String simStatus,
        @Schema(example = "active") String tenantStatus,
        UUID profileId,
        @Schema(implementation = PolicyDocument.class) JsonObject policy,
        @Schema(example = "locked") String imeiLockMode,
        @Schema(example = "356938035643809") String imei,
        @Schema(example = "10.20.0.1") String staticIp,
        Instant updatedAt) {
}
