package io.cellgate.sim.rest;

import io.cellgate.common.id.Iccid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Termination is final, so the caller repeats the ICCID to confirm it. */
public record TerminateRequest(
        @NotNull @Schema(description = "Must equal the ICCID in the path") Iccid confirmIccid) {
}
