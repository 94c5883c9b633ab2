package io.cellgate.job;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A target the job could not process, and why. */
@Schema(name = "JobFailure")
public record JobFailure(
        @Schema(description = "The target, e.g. an ICCID", example = "89490200001234567894", maxLength = 100)
        String target,
        @Schema(description = "Why, e.g. not_found, illegal_transition, illegal_state, pool_exhausted",
                example = "illegal_transition", maxLength = 40, pattern = "^[a-z_]+$") String reason,
        @Schema(description = "The target's state when the job reached it, if it exists", example = "terminated",
                maxLength = 40, pattern = "^[a-z_]+$") String currentStatus) {
}
