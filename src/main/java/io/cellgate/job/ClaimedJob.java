package io.cellgate.job;

import io.cellgate.common.id.TenantId;
import java.util.Map;
import java.util.UUID;

/** A job a worker holds the lease of. */
public record ClaimedJob(UUID id, TenantId tenant, String kind, String action, String createdBy, int processed,
                         int total, Map<String, Object> parameters) {

    ClaimedJob advancedTo(int done) {
        return new ClaimedJob(id, tenant, kind, action, createdBy, done, total, parameters);
    }
}
