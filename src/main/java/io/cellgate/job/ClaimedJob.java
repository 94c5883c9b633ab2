package io.cellgate.job;

import java.util.Map;
import java.util.UUID;

/** A job a worker holds the lease of. */
public record ClaimedJob(UUID id, String tenantId, String kind, String action, String createdBy, int processed,
                         int total, Map<String, Object> parameters) {

    ClaimedJob advancedTo(int done) {
        return new ClaimedJob(id, tenantId, kind, action, createdBy, done, total, parameters);
    }
}
