package io.cellgate.common.db;

import io.cellgate.common.DataScope;
import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple3;
import io.smallrye.mutiny.tuples.Tuple4;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Transactions on tenant data. Each one first sets {@code cellgate.tenant} for its own duration (set_config with
 * is_local), which the row-level security policies read; a transaction that skips this sees no tenant's rows. The
 * scope comes from the actor the work is done for ({@link io.cellgate.common.Actor}), which makes only the scopes it may
 * open.
 */
@ApplicationScoped
public class ScopedDatabase {
    private static final String SET_SCOPE = "SELECT set_config('cellgate.tenant', $1, true)";
    private static final int DEADLOCK_RETRIES = 3;

    @Inject
    Pool pool;

    public <T> Uni<T> transaction(DataScope scope, Function<SqlConnection, Uni<T>> work) {
        return transaction(scope, work, nothingLast());
    }

    /**
     * A transaction whose last statement, which may depend on the work's result, goes out together with COMMIT: it
     * costs no round trip of its own. Should it fail, PostgreSQL turns that COMMIT into a rollback and the failure is
     * the transaction's.
     */
    public <T> Uni<T> transaction(DataScope scope, Function<SqlConnection, Uni<T>> work,
                                  BiFunction<SqlConnection, T, Uni<?>> lastStatement) {
        return againAfterDeadlock(Uni.createFrom().deferred(() -> inScope(scope, work, lastStatement)));
    }

    /** One statement in a scoped transaction of its own: BEGIN, scope, statement and COMMIT in one round trip. */
    public Uni<RowSet<Row>> query(DataScope scope, String sql, Tuple params) {
        return againAfterDeadlock(Uni.createFrom().deferred(() -> pool.withConnection(conn -> Uni.combine().all()
                .unis(conn.query("BEGIN").execute(), setScope(conn, scope), conn.preparedQuery(sql).execute(params),
                        conn.query("COMMIT").execute())
                .collectFailures().asTuple()
                .onFailure(CompositeException.class).transform(ScopedDatabase::firstCause)
                .map(Tuple4::getItem3))));
    }

    /**
     * Transactions that lock rows in orders their callers cannot agree on beforehand (events of several SIMs from
     * triggers of different statements) may deadlock; PostgreSQL then rolls one back, which is done again from the
     * start, up to {@value #DEADLOCK_RETRIES} times.
     */
    private static <T> Uni<T> againAfterDeadlock(Uni<T> transaction) {
        return transaction.onFailure(PgErrors::isDeadlock).retry().atMost(DEADLOCK_RETRIES);
    }

    /**
     * Runs a statement that deletes at most {@code batch} rows, each time in a transaction of its own, until a run
     * deletes fewer: a backlog is removed without long locks. Answers how many rows were deleted in all.
     */
    public Uni<Long> deleteInBatches(DataScope scope, String sql, int batch, Tuple params) {
        return query(scope, sql, params).flatMap(rows -> rows.rowCount() < batch
                ? Uni.createFrom().item((long) rows.rowCount())
                : deleteInBatches(scope, sql, batch, params).map(more -> more + rows.rowCount()));
    }

    /**
     * A statement that opens its scope itself, through a function that sets cellgate.tenant first (e.g. scoped_sim):
     * one round trip. The scope's setting is passed as $1, ahead of {@code params}.
     */
    public Uni<RowSet<Row>> selfScopedQuery(DataScope scope, String sql, Tuple params) {
        Tuple scoped = Tuple.of(scope.setting());
        for (int i = 0; i < params.size(); i++) {
            scoped.addValue(params.getValue(i));
        }
        return pool.preparedQuery(sql).execute(scoped);
    }

    /**
     * BEGIN, the scope and the work's first statement go out together (pipelined on the connection), so opening the
     * scope costs no round trip of its own; then COMMIT, or ROLLBACK on failure. The client library knows nothing of
     * a plain BEGIN, but it hands the connection back only when this Uni ends, even if the caller cancels, so an open
     * transaction never passes to the next user (ScopedDatabaseTest).
     */
    private <T> Uni<T> inScope(DataScope scope, Function<SqlConnection, Uni<T>> work,
                               BiFunction<SqlConnection, T, Uni<?>> lastStatement) {
        return pool.withConnection(conn -> Uni.combine().all()
                .unis(conn.query("BEGIN").execute(), setScope(conn, scope), Uni.createFrom().deferred(() -> work.apply(conn)))
                .collectFailures().asTuple()
                .onFailure(CompositeException.class).transform(ScopedDatabase::firstCause)
                .map(Tuple3::getItem3)
                .call(result -> Uni.combine().all().unis(lastStatement.apply(conn, result), conn.query("COMMIT").execute())
                        .collectFailures().discardItems()
                        .onFailure(CompositeException.class).transform(ScopedDatabase::firstCause))
                .onFailure().call(() -> conn.query("ROLLBACK").execute().onFailure().recoverWithNull()));
    }

    private static <T> BiFunction<SqlConnection, T, Uni<?>> nothingLast() {
        return (conn, result) -> Uni.createFrom().voidItem();
    }

    private static Uni<RowSet<Row>> setScope(SqlConnection conn, DataScope scope) {
        return conn.preparedQuery(SET_SCOPE).execute(Tuple.of(scope.setting()));
    }

    private static Throwable firstCause(Throwable composite) {
        return ((CompositeException) composite).getCauses().get(0);
    }
}
