package io.cellgate.sim.bulk;

import io.cellgate.common.id.Iccid;
import io.cellgate.sim.SimAction;
import io.cellgate.sim.SimFilter;
import io.cellgate.sim.stock.SimStockService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One lifecycle action on many SIMs: listed by ICCID, or selected by a filter when the job is created. */
@Schema(name = "BulkActionRequest")
public record BulkActionRequest(
        @NotNull SimAction action,
        @Size(min = 1, max = SimStockService.MAX_SIMS_PER_REQUEST)
        @Schema(description = "The SIMs; give this or filter", example = "[\"89490200001234567894\"]")
        List<@NotNull Iccid> iccids,
        @Valid @Schema(description = "Select the SIMs by filter instead of listing them") SimFilter filter,
        @Schema(description = "Required for terminate: the word \"terminate\", since termination is final",
                enumeration = "terminate") String confirm) {
}
