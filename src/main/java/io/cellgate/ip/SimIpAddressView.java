package io.cellgate.ip;

import io.cellgate.common.id.Iccid;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SimIpAddress", description = "The static private IP a SIM gets on every data session")
public record SimIpAddressView(
        Iccid iccid,
        @Schema(example = "10.20.0.1", pattern = IpPoolView.IPV4_PATTERN, maxLength = 15) String address,
        UUID poolId,
        @Schema(example = "acme-fleet", maxLength = IpPoolView.MAX_NAME) String poolName,
        Instant assignedAt) {
}
