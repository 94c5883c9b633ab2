package io.cellgate.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Job", description = "An asynchronous job and its progress")
public record JobView(
        UUID id,
        @Schema(example = "sim_bulk_action", maxLength = 40, pattern = "^[a-z_]+$") String kind,
        @Schema(example = "activate", maxLength = 40, pattern = "^[a-z_]+$") String action,
        JobStatus status,
        @Schema(description = "Targets the job covers", example = "100000", minimum = "0", maximum = "100000") int total,
        @Schema(example = "42000", minimum = "0", maximum = "100000") int processed,
        @Schema(example = "41990", minimum = "0", maximum = "100000") int succeeded,
        @Schema(example = "10", minimum = "0", maximum = "100000") int failed,
        @Schema(example = "acme-admin", maxLength = 255) String createdBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "What the job was asked for besides its targets: the filter that selected them, the pool"
                + " of a bulk IP assignment", example = "{\"filter\":{\"status\":\"ready\"}}", type = SchemaType.OBJECT)
        Map<String, Object> parameters,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The first failures (up to " + JobStore.INLINE_FAILURES + "); all of them at"
                + " /api/v1/jobs/{id}/failures. Left out in lists of jobs", maxItems = JobStore.INLINE_FAILURES)
        List<JobFailure> failures) {
}
