package io.cellgate.job;

import java.util.UUID;

/** A job a worker holds the lease of. */
public record ClaimedJob(UUID id, String tenantId, String kind, String action, String createdBy, int processed,
                         int total) {
}
