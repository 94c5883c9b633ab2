package io.cellgate.sim.stock;

import io.cellgate.common.id.Iccid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Take never-used (ready) SIMs back into stock. All or nothing. */
public record UnassignRequest(
        @NotNull @Size(min = 1, max = SimStockService.MAX_SIMS_PER_REQUEST)
        @Schema(example = "[\"89490200001234567894\"]") List<@NotNull Iccid> iccids) {
}
