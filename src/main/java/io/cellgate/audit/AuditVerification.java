package io.cellgate.audit;

import io.cellgate.common.id.TenantId;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditVerification", description = "The result of recomputing a hash chain from its start")
public record AuditVerification(
        @Schema(example = "acme", pattern = AuditVerification.CHAIN_PATTERN, maxLength = 63) String chain,
        @Schema(description = "Records checked before the first break, or all", example = "1000000", minimum = "0",
                maximum = "9223372036854775807") long recordsChecked,
        boolean intact,
        @Schema(description = "Position of the first record whose hash or link does not match (changed, removed or"
                + " inserted), when not intact", example = "311", minimum = "1",
                maximum = "9223372036854775807") Long firstBrokenSeq) {
    /** A hash chain is named by its tenant, or * for the records of no tenant. */
    public static final String CHAIN_PATTERN = "^\\*$|" + TenantId.PATTERN;
}
