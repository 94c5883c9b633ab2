package io.cellgate.ip;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AssignIpRequest", description = "Give an address to take that one, or only a pool to take its next free"
        + " address; with neither, the tenant's only pool is used")
public record AssignIpRequest(
        UUID poolId,
        @Schema(example = "10.20.0.17", pattern = IpPoolView.IPV4_PATTERN, maxLength = 15) String address) {
}
