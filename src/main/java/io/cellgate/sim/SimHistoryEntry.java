package io.cellgate.sim;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SimHistoryEntry", description = "One lifecycle transition")
public record SimHistoryEntry(
        @Schema(example = "activate", enumeration = {"assign", "unassign", "activate", "suspend", "resume", "terminate"})
        String action,
        SimStatus fromStatus,
        SimStatus toStatus,
        Instant at,
        @Schema(description = "Who did it: user name or service account", example = "acme-admin", maxLength = 255)
        String actor,
        @Schema(description = "The bulk job that did it, if any") UUID jobId,
        @Schema(hidden = true) @com.fasterxml.jackson.annotation.JsonIgnore long sequence) {
}
