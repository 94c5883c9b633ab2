package io.cellgate.job;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;

/** Does the work of one kind of job, a chunk of targets at a time, inside the transaction that records progress. */
public interface JobHandler<K> {
    JobKind<K> kind();

    /** Processes the targets and returns those that failed; everything else counts as succeeded. */
    Uni<List<JobFailure>> process(SqlConnection tx, ClaimedJob job, List<K> targets);
}
