package io.cellgate.tenant;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Tenant")
public record TenantView(
        @Schema(example = "acme") String id,
        @Schema(example = "ACME Logistics") String name,
        TenantStatus status,
        TenantQuotas quotas,
        Instant createdAt,
        Instant updatedAt) {
}
