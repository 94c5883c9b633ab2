package io.cellgate.job;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A job to create. Its targets are the distinct values of {@code iccid} selected by {@code fromWhere} (e.g.
 * {@code FROM sims WHERE tenant_id = $1}) with {@code params}, fixed at submission in sorted order.
 */
public record NewJob(String tenantId, String kind, String action, String createdBy, String idempotencyKey,
                     String requestHash, String fromWhere, Tuple params) {
}
