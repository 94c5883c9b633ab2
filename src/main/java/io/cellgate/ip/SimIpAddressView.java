package io.cellgate.ip;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SimIpAddress", description = "The static private IP a SIM gets on every data session")
public record SimIpAddressView(
        @Schema(example = "89490200000000000013") String iccid,
        @Schema(example = "10.20.0.1") String address,
        UUID poolId,
        @Schema(example = "acme-fleet") String poolName,
        Instant assignedAt) {
}
