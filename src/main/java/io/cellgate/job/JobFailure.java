package io.cellgate.job;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A target the job could not process, and why. */
@Schema(name = "JobFailure")
public record JobFailure(
        @Schema(example = "89490200001234567894") String target,
        @Schema(description = "not_found or illegal_transition", example = "illegal_transition") String reason,
        @Schema(description = "The target's state when the job reached it, if it exists", example = "terminated")
        String currentStatus) {
}
