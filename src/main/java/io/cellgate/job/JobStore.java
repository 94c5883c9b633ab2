package io.cellgate.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellgate.common.Actor;
import io.cellgate.common.Cursor;
import io.cellgate.common.NewestFirst;
import io.cellgate.common.Page;
import io.cellgate.common.db.PgErrors;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import io.cellgate.tenant.TenantGate;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Jobs and their failures in PostgreSQL. A job's targets are fixed when it is created. */
@ApplicationScoped
public class JobStore {
    static final int INLINE_FAILURES = 100;
    private static final String COLUMNS = "id, kind, action, status, total, processed, succeeded, failed, created_by,"
            + " created_at, started_at, finished_at, request_hash, parameters";

    @Inject
    ScopedDatabase db;
    @Inject
    TenantGate gate;

    /**
     * Creates a job of {@code handler}'s kind for the actor's tenant, or returns the job created earlier with the same
     * idempotency key. The same key with a different request is refused.
     */
    public Uni<JobView> create(Actor actor, JobHandler<?> handler, NewJob job) {
        return gate.write(actor, (tx, note) -> (job.idempotencyKey() == null ? Uni.createFrom().<JobView>nullItem()
                        : findByKey(tx, actor, job))
                        .flatMap(found -> found != null ? Uni.createFrom().item(found) : insert(tx, actor, handler, job)))
                .onFailure(PgErrors::isUniqueViolation)
                .recoverWithUni(() -> db.transaction(actor.scope(), tx -> findByKey(tx, actor, job)));
    }

    private Uni<JobView> insert(SqlConnection tx, Actor actor, JobHandler<?> handler, NewJob job) {
        Tuple params = job.params();
        String values = String.join(", ", placeholder(params, UUID.randomUUID(), "uuid"),
                placeholder(params, actor.requireTenant().value(), "text"), placeholder(params, handler.kind().name(), "text"),
                placeholder(params, handler.kind().targets().name(), "text"), placeholder(params, job.action(), "text"),
                placeholder(params, actor.subject(), "text"), placeholder(params, job.idempotencyKey(), "text"),
                placeholder(params, job.requestHash(), "text"),
                placeholder(params, new JsonObject(job.parameters()), "jsonb"));
        String sql = "INSERT INTO jobs (id, tenant_id, kind, target_kind, action, created_by, idempotency_key,"
                + " request_hash, parameters, targets, total, status, finished_at) SELECT " + values
                + ", t.targets, cardinality(t.targets),"
                + " CASE WHEN cardinality(t.targets) = 0 THEN 'completed' ELSE 'queued' END,"
                + " CASE WHEN cardinality(t.targets) = 0 THEN now() END"
                + " FROM (SELECT coalesce(array_agg(DISTINCT target ORDER BY target), '{}') AS targets "
                + job.fromWhere() + ") t RETURNING " + COLUMNS;
        return tx.preparedQuery(sql).execute(params).map(rows -> toView(rows.iterator().next(), List.of()));
    }

    private Uni<JobView> findByKey(SqlConnection tx, Actor actor, NewJob job) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM jobs WHERE tenant_id = $1 AND idempotency_key = $2")
                .execute(Tuple.of(actor.requireTenant().value(), job.idempotencyKey()))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    Row row = rows.iterator().next();
                    if (!job.requestHash().equals(row.getString("request_hash"))) {
                        throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was used"
                                + " for a different request; use a new key");
                    }
                    return withFailures(tx, row);
                });
    }

    public Uni<JobView> get(Actor actor, UUID id) {
        return db.transaction(actor.scope(), tx -> get(tx, actor, id));
    }

    /** The tenant's jobs, newest first, optionally in one state. */
    public Uni<Page<JobView>> list(Actor actor, JobStatus status, int limit, String cursor) {
        NewestFirst after = Cursor.decode(cursor, NewestFirst::parse);
        Tuple params = Tuple.of(actor.requireTenant().value(), status == null ? null : status.dbValue(),
                after == null ? null : after.at(), after == null ? null : after.id());
        return db.transaction(actor.scope(), tx -> tx.preparedQuery("SELECT " + COLUMNS + " FROM jobs"
                        + " WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2)"
                        + " AND ($3::timestamptz IS NULL OR (created_at, id) < ($3, $4))"
                        + " ORDER BY created_at DESC, id DESC LIMIT " + (limit + 1))
                .execute(params))
                .map(rows -> {
                    List<JobView> jobs = new ArrayList<>(rows.size());
                    rows.forEach(row -> jobs.add(toView(row, null)));
                    return Page.of(jobs, limit, job -> NewestFirst.of(job.createdAt(), job.id()).toString());
                });
    }

    public Uni<Page<JobFailure>> failures(Actor actor, UUID id, int limit, String cursor) {
        String after = Cursor.decode(cursor);
        return db.transaction(actor.scope(), tx -> get(tx, actor, id)
                        .flatMap(job -> failures(tx, id, after == null ? "" : after, limit + 1)))
                .map(failures -> Page.of(failures, limit, JobFailure::target));
    }

    private static Uni<JobView> get(SqlConnection tx, Actor actor, UUID id) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM jobs WHERE tenant_id = $1 AND id = $2")
                .execute(Tuple.of(actor.requireTenant().value(), id))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Job " + id);
                    }
                    return withFailures(tx, rows.iterator().next());
                });
    }

    private static Uni<JobView> withFailures(SqlConnection tx, Row row) {
        UUID id = row.getUUID("id");
        return failures(tx, id, "", INLINE_FAILURES).map(failures -> toView(row, failures));
    }

    private static Uni<List<JobFailure>> failures(SqlConnection tx, UUID jobId, String after, int limit) {
        return tx.preparedQuery("""
                        SELECT target, reason, current_status FROM job_failures
                        WHERE job_id = $1 AND target > $2 ORDER BY target LIMIT $3""")
                .execute(Tuple.of(jobId, after, limit))
                .map(JobStore::toFailures);
    }

    private static List<JobFailure> toFailures(RowSet<Row> rows) {
        List<JobFailure> failures = new ArrayList<>(rows.size());
        for (Row row : rows) {
            failures.add(new JobFailure(row.getString(0), row.getString(1), row.getString(2)));
        }
        return failures;
    }

    private static JobView toView(Row row, List<JobFailure> failures) {
        return new JobView(row.getUUID("id"), row.getString("kind"), row.getString("action"),
                JobStatus.fromDb(row.getString("status")), row.getInteger("total"), row.getInteger("processed"),
                row.getInteger("succeeded"), row.getInteger("failed"), row.getString("created_by"),
                instant(row.getOffsetDateTime("created_at")), instant(row.getOffsetDateTime("started_at")),
                instant(row.getOffsetDateTime("finished_at")), row.getJsonObject("parameters").getMap(), failures);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** A digest of the request, so that an idempotency key cannot be reused for a different request. */
    public static String requestHash(ObjectMapper json, Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String placeholder(Tuple params, Object value, String type) {
        params.addValue(value);
        return "$" + params.size() + "::" + type;
    }
}
