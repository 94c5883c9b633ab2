package io.cellgate.ip;

import io.cellgate.common.id.Iccid;
import io.cellgate.sim.SimFilter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BulkIpAssignmentRequest", description = "SIMs that get the pool's next free addresses: listed or"
        + " selected by filter when the job is created")
public record BulkIpAssignmentRequest(
        @Size(min = 1, max = 100_000) @Schema(example = "[\"89490200000000000013\"]") List<@NotNull Iccid> iccids,
        @Valid SimFilter filter) {
}
