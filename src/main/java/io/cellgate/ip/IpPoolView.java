package io.cellgate.ip;

import io.cellgate.common.id.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IpPool", description = "A private IPv4 pool of a tenant, with its usage")
public record IpPoolView(
        UUID id,
        TenantId tenantId,
        @Schema(example = "acme-fleet", maxLength = MAX_NAME) String name,
        @Schema(example = "10.20.0.0/16", pattern = CIDR_PATTERN, maxLength = 18) String cidr,
        Usage usage,
        Instant createdAt) {
    static final int MAX_NAME = 100;
    static final String IPV4_PATTERN = "^[0-9]{1,3}(\\.[0-9]{1,3}){3}$";
    static final String CIDR_PATTERN = "^[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}$";

    @Schema(name = "IpPoolUsage", description = "Host addresses (network and broadcast excluded)")
    public record Usage(@Schema(example = "65534", minimum = "0", maximum = "16777214") long total,
                        @Schema(example = "120", minimum = "0", maximum = "16777214") long assigned,
                        @Schema(example = "65414", minimum = "0", maximum = "16777214") long free) {
    }
}
