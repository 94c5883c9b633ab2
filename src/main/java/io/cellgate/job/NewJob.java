package io.cellgate.job;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Map;

/**
 * A job to create. Its targets are the distinct values of {@code iccid} selected by {@code fromWhere} (e.g.
 * {@code FROM sims WHERE tenant_id = $1}) with {@code params}, fixed at submission in sorted order. {@code parameters}
 * are what the handler needs besides the targets (e.g. a pool id).
 */
public record NewJob(String tenantId, String kind, String action, String createdBy, String idempotencyKey,
                     String requestHash, String fromWhere, Tuple params, Map<String, Object> parameters) {
}
