package io.cellgate.ip;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IpPool", description = "A private IPv4 pool of a tenant, with its usage")
public record IpPoolView(
        UUID id,
        @Schema(example = "acme") String tenantId,
        @Schema(example = "acme-fleet") String name,
        @Schema(example = "10.20.0.0/16") String cidr,
        Usage usage,
        Instant createdAt) {

    @Schema(name = "IpPoolUsage", description = "Host addresses (network and broadcast excluded)")
    public record Usage(@Schema(example = "65534") long total, @Schema(example = "120") long assigned,
                        @Schema(example = "65414") long free) {
    }
}
