package io.cellgate.job;

import io.cellgate.common.Actor;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs queued jobs, on any replica. A worker claims a job with a lease (SKIP LOCKED, so replicas never collide) and
 * processes its targets in chunks; each chunk's work and the job's progress commit together, so after a crash the next
 * worker resumes exactly after the last committed chunk, once the lease has run out.
 */
@ApplicationScoped
public class JobRunner {
    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    private static final String CLAIM = """
            UPDATE jobs SET status = 'running', started_at = coalesce(started_at, now()),
                   lease_until = now() + make_interval(secs => $1)
            WHERE id = (SELECT id FROM jobs
                        WHERE status = 'queued' OR (status = 'running' AND lease_until < now())
                        ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id, tenant_id, kind, action, created_by, processed, total, parameters""";
    private static final Actor RUNNER = Actor.Work.JOB_RUNNER.actor();
    private static final String RECORD_PROGRESS = """
            UPDATE jobs SET processed = processed + $3, succeeded = succeeded + $3 - $4, failed = failed + $4,
                   lease_until = now() + make_interval(secs => $5),
                   status = CASE WHEN processed + $3 >= total THEN 'completed' ELSE status END,
                   finished_at = CASE WHEN processed + $3 >= total THEN now() END
            WHERE id = $1 AND processed = $2""";

    @Inject
    ScopedDatabase db;
    @Inject
    Instance<JobHandler<?>> handlers;
    @Inject
    MeterRegistry metrics;
    @ConfigProperty(name = "cellgate.jobs.chunk-size", defaultValue = "1000")
    int chunkSize;
    @ConfigProperty(name = "cellgate.jobs.lease-seconds", defaultValue = "60")
    int leaseSeconds;

    private final AtomicBoolean running = new AtomicBoolean();
    private Map<String, JobHandler<?>> byKind;

    @Scheduled(every = "${cellgate.jobs.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return runPending();
    }

    /** Starts work at once, e.g. right after a job was submitted, instead of waiting for the next poll. */
    public void kick() {
        runPending().subscribe().with(done -> { }, e -> LOG.error("Job run failed", e));
    }

    private Uni<Void> runPending() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return drain().eventually(() -> running.set(false));
    }

    private Uni<Void> drain() {
        return claim().flatMap(job -> job == null ? Uni.createFrom().voidItem()
                : runChunks(job).invoke(done -> finished(job, "completed"))
                        .onFailure().invoke(e -> {
                            LOG.errorf(e, "Job %s stopped; it resumes after its lease", job.id());
                            finished(job, "stopped");
                        }).onFailure().recoverWithNull().flatMap(done -> drain()));
    }

    private Uni<ClaimedJob> claim() {
        return db.transaction(RUNNER.allTenants(), tx -> tx.preparedQuery(CLAIM).execute(Tuple.of(leaseSeconds)))
                .map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            return new ClaimedJob(row.getUUID("id"), TenantId.parse(row.getString("tenant_id")), row.getString("kind"),
                    row.getString("action"), row.getString("created_by"), row.getInteger("processed"),
                    row.getInteger("total"), row.getJsonObject("parameters").getMap());
        });
    }

    private Uni<Void> runChunks(ClaimedJob job) {
        if (job.processed() >= job.total()) {
            return Uni.createFrom().voidItem();
        }
        return db.transaction(RUNNER.actingFor(job.tenant()).scope(), tx -> runChunk(tx, job))
                .invoke(chunk -> {
                    metrics.counter("cellgate.job.targets", "kind", job.kind(), "outcome", "succeeded")
                            .increment(chunk.targets() - chunk.failed());
                    metrics.counter("cellgate.job.targets", "kind", job.kind(), "outcome", "failed")
                            .increment(chunk.failed());
                })
                .flatMap(chunk -> runChunks(job.advancedTo(job.processed() + chunk.targets())));
    }

    /** What a worker did to a job, by the job's kind (a handful of kinds: bounded labels). */
    private void finished(ClaimedJob job, String outcome) {
        metrics.counter("cellgate.jobs", "kind", job.kind(), "outcome", outcome).increment();
    }

    /** A committed chunk: how many targets it processed, and how many of them failed. */
    private record Chunk(int targets, int failed) {
    }

    /** One chunk: the handler's work, its failures and the job's progress, in one transaction. */
    private Uni<Chunk> runChunk(SqlConnection tx, ClaimedJob job) {
        int from = job.processed() + 1;
        int to = Math.min(job.processed() + chunkSize, job.total());
        return tx.preparedQuery("SELECT targets[$2:$3] FROM jobs WHERE id = $1").execute(Tuple.of(job.id(), from, to))
                .map(rows -> List.of(rows.iterator().next().getArrayOfStrings(0)))
                .flatMap(targets -> process(tx, handler(job.kind()), job, targets)
                        .flatMap(failures -> recordFailures(tx, job.id(), failures).map(done -> failures.size()))
                        .flatMap(failed -> tx.preparedQuery(RECORD_PROGRESS).execute(
                                Tuple.of(job.id(), job.processed(), targets.size(), failed, leaseSeconds))
                                .map(updated -> {
                                    if (updated.rowCount() != 1) {
                                        throw new IllegalStateException("Another worker advanced job " + job.id());
                                    }
                                    return new Chunk(targets.size(), failed);
                                })));
    }

    /** The handler's work on the chunk, its targets read back as keys of the handler's kind. */
    private static <K> Uni<List<JobFailure>> process(SqlConnection tx, JobHandler<K> handler, ClaimedJob job,
                                                     List<String> targets) {
        return handler.process(tx, job, targets.stream().map(handler.kind().targets().parse()).toList());
    }

    private Uni<Void> recordFailures(SqlConnection tx, UUID jobId, List<JobFailure> failures) {
        if (failures.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = new ArrayList<>(failures.size());
        for (JobFailure failure : failures) {
            batch.add(Tuple.of(jobId, failure.target(), failure.reason(), failure.currentStatus()));
        }
        return tx.preparedQuery("INSERT INTO job_failures (job_id, target, reason, current_status) VALUES ($1, $2, $3, $4)")
                .executeBatch(batch).replaceWithVoid();
    }

    private JobHandler<?> handler(String kind) {
        if (byKind == null) {
            byKind = handlers.stream().collect(Collectors.toMap(handler -> handler.kind().name(), Function.identity()));
        }
        JobHandler<?> handler = byKind.get(kind);
        if (handler == null) {
            throw new IllegalStateException("No handler for job kind " + kind);
        }
        return handler;
    }
}
