package io.cellgate.sim.stock;

import io.cellgate.common.id.TenantId;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Result of an import, assignment or unassignment: how many SIMs moved. */
@Schema(name = "StockChange")
public record StockChange(
        @Schema(description = "Tenant the SIMs went to, for assignments") TenantId tenantId,
        @Schema(description = "Number of SIMs imported, assigned or returned to stock", example = "1000",
                minimum = "0", maximum = "100000") int count) {
}
