package io.cellgate.sim;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Give SIMs from stock to a tenant: either a list of ICCIDs (all or nothing) or an inclusive ICCID range. */
public record AssignRequest(
        @NotNull @Schema(example = "acme") String tenantId,
        @Size(min = 1, max = SimStockService.MAX_SIMS_PER_REQUEST)
        @Schema(example = "[\"89490200001234567894\"]") List<String> iccids,
        @Valid IccidRange iccidRange) {

    @Schema(name = "IccidRange", description = "Inclusive range; only SIMs in stock inside it are assigned")
    public record IccidRange(
            @NotNull @Schema(example = "89490200000000000008") String from,
            @NotNull @Schema(example = "89490200000000099991") String to) {
    }
}
