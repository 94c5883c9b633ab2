package io.cellgate.job;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Map;

/**
 * A job to create. Its targets are the distinct values of the column {@code target} selected by {@code fromWhere}
 * (e.g. {@code FROM (SELECT iccid AS target FROM sims WHERE tenant_id = $1) AS matching}) with {@code params}, fixed
 * at submission in sorted order, all of the handler's {@link TargetKind}. {@code parameters} are what the handler
 * needs besides the targets (e.g. a pool id) and what the job was asked for (e.g. its filter), shown with the job.
 */
public record NewJob(String action, String idempotencyKey, String requestHash, String fromWhere,
                     Tuple params, Map<String, Object> parameters) {
}
