package io.cellgate.sim.stock;

import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Give SIMs from stock to a tenant: either a list of ICCIDs (all or nothing) or an inclusive ICCID range. */
public record AssignRequest(
        @NotNull TenantId tenantId,
        @Size(min = 1, max = SimStockService.MAX_SIMS_PER_REQUEST)
        @Schema(example = "[\"89490200001234567894\"]") List<@NotNull Iccid> iccids,
        @Valid IccidRange iccidRange) {

    /** The bounds of a range need only the shape of an ICCID: they are positions, not SIMs. */
    @Schema(name = "IccidRange", description = "Inclusive range; only SIMs in stock inside it are assigned")
    public record IccidRange(
            @NotNull @Pattern(regexp = Iccid.PATTERN, message = "must be 19 or 20 digits")
            @Schema(example = "89490200000000000008", maxLength = 20) String from,
            @NotNull @Pattern(regexp = Iccid.PATTERN, message = "must be 19 or 20 digits")
            @Schema(example = "89490200000000099991", maxLength = 20) String to) {
    }
}
