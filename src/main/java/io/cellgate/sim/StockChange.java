package io.cellgate.sim;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Result of an import, assignment or unassignment: how many SIMs moved. */
@Schema(name = "StockChange")
public record StockChange(
        @Schema(description = "Tenant the SIMs went to, for assignments", example = "acme") String tenantId,
        @Schema(description = "Number of SIMs imported, assigned or returned to stock", example = "1000") int count) {
}
