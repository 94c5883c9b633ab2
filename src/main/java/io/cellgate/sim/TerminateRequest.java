package io.cellgate.sim;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Termination is final, so the caller repeats the ICCID to confirm it. */
public record TerminateRequest(
        @NotNull @Schema(description = "Must equal the ICCID in the path", example = "89490200001234567894")
        String confirmIccid) {
}
