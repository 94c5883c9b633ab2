package io.cellgate.ip;

import io.cellgate.common.id.TenantId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreateIpPoolRequest(
        @NotNull TenantId tenantId,
        @NotBlank @Size(max = IpPoolView.MAX_NAME) @Schema(example = "acme-fleet") String name,
        @NotNull @Schema(description = "Private IPv4 network (RFC 1918 or 100.64.0.0/10), /8 to /30; must not overlap"
                + " any other pool", example = "10.20.0.0/16", pattern = IpPoolView.CIDR_PATTERN, maxLength = 18)
        String cidr) {
}
