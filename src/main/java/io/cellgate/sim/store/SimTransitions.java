package io.cellgate.sim.store;

import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import io.cellgate.sim.SimAction;
import io.cellgate.sim.SimStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies one lifecycle action to a set of a tenant's SIMs in a single statement: it locks the SIMs (in ICCID order,
 * like every lock of several SIMs, so that two bulk changes cannot deadlock), moves those whose state allows the
 * action, and records each move in the history. A SIM whose state changed under a concurrent request is seen in its new state
 * after the lock, so two simultaneous transitions of one SIM cannot both win.
 */
@ApplicationScoped
public class SimTransitions {
    private static final String APPLY = """
            WITH req AS (SELECT unnest($2::text[]) AS iccid),
            cur AS (
                SELECT s.iccid, s.status FROM sims s JOIN req ON req.iccid = s.iccid
                WHERE s.tenant_id = $1 ORDER BY s.iccid FOR UPDATE OF s),
            upd AS (
                UPDATE sims s SET status = $3, version = s.version + 1, updated_at = now(),
                       activated_at = CASE WHEN $3 = 'active' THEN coalesce(s.activated_at, now()) ELSE s.activated_at END
                FROM cur WHERE s.iccid = cur.iccid AND cur.status = ANY($4::text[])
                RETURNING s.iccid, cur.status AS from_status),
            hist AS (
                INSERT INTO sim_transitions (iccid, tenant_id, action, from_status, to_status, actor, job_id)
                SELECT iccid, $1, $5, from_status, $3, $6, $7 FROM upd)
            SELECT req.iccid, cur.status AS current_status, upd.iccid IS NOT NULL AS changed
            FROM req LEFT JOIN cur ON cur.iccid = req.iccid LEFT JOIN upd ON upd.iccid = req.iccid
            """;

    /** What happened to one requested SIM. {@code currentStatus} is null when the tenant has no such SIM. */
    public record Outcome(Iccid iccid, SimStatus currentStatus, boolean changed) {
        public boolean notFound() {
            return currentStatus == null;
        }
    }

    public Uni<List<Outcome>> apply(SqlConnection tx, TenantId tenant, List<Iccid> iccids, SimAction action,
                                    String actor, UUID jobId) {
        Tuple params = Tuple.tuple()
                .addValue(tenant.value())
                .addArrayOfString(Iccid.values(iccids))
                .addValue(action.to().dbValue())
                .addArrayOfString(action.fromDbValues())
                .addValue(action.apiName())
                .addValue(actor)
                .addValue(jobId);
        return tx.preparedQuery(APPLY).execute(params).map(rows -> {
            List<Outcome> outcomes = new ArrayList<>(rows.size());
            for (Row row : rows) {
                String current = row.getString("current_status");
                outcomes.add(new Outcome(Iccid.parse(row.getString("iccid")), current == null ? null : SimStatus.fromDb(current),
                        row.getBoolean("changed")));
            }
            return outcomes;
        });
    }
}
