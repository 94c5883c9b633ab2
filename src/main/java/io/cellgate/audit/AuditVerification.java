package io.cellgate.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditVerification", description = "The result of recomputing a hash chain from its start")
public record AuditVerification(
        @Schema(example = "acme", pattern = "^\\*$|^[a-z][a-z0-9-]{1,62}$", maxLength = 63) String chain,
        @Schema(description = "Records checked before the first break, or all", example = "1000000", minimum = "0",
                maximum = "9223372036854775807") long recordsChecked,
        boolean intact,
        @Schema(description = "Position of the first record whose hash or link does not match (changed, removed or"
                + " inserted), when not intact", example = "311", minimum = "1",
                maximum = "9223372036854775807") Long firstBrokenSeq) {
}
