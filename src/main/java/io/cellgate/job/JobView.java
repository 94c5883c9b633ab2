package io.cellgate.job;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Job", description = "An asynchronous job and its progress")
public record JobView(
        UUID id,
        @Schema(example = "sim_bulk_action") String kind,
        @Schema(example = "activate") String action,
        JobStatus status,
        @Schema(description = "Targets the job covers", example = "100000") int total,
        @Schema(example = "42000") int processed,
        @Schema(example = "41990") int succeeded,
        @Schema(example = "10") int failed,
        @Schema(example = "acme-admin") String createdBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "What the job works with besides its targets, e.g. the pool of a bulk IP assignment",
                example = "{\"pool_id\":\"0b6f3f2e-6f0b-4a57-9a39-3c1e6f0d2a11\"}") java.util.Map<String, Object> parameters,
        @Schema(description = "The first failures (up to " + JobStore.INLINE_FAILURES + "); all of them at"
                + " /api/v1/jobs/{id}/failures") List<JobFailure> failures) {
}
