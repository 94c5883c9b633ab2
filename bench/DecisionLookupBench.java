import io.cellgate.policy.DecisionReader;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * In-process harness for decision-view lookups by IMSI: the service's own query and row mapping (DecisionReader) on
 * the reactive PostgreSQL client, with a fixed number of lookups in flight, for random IMSIs of every SIM in the view.
 * Like the service (ScopedDatabase.query), each lookup is a transaction that first opens the all-tenants data scope,
 * which row-level security requires of the service's role: BEGIN, scope, SELECT and COMMIT pipelined on one connection.
 *
 * java -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" bench/DecisionLookupBench.java \
 *      HOST PORT DB USER PASSWORD SECONDS IN_FLIGHT POOL_SIZE
 */
public class DecisionLookupBench {
    private static final int MAX_MICROS = 100_000;
    private static final String ALL_TENANTS = "SELECT set_config('cellgate.tenant', '*', true)";

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[5]);
        int inFlight = Integer.parseInt(args[6]);
        int poolSize = Integer.parseInt(args[7]);
        Vertx vertx = Vertx.vertx();
        Pool pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(poolSize))
                .connectingTo(new PgConnectOptions().setHost(host).setPort(port).setDatabase(args[2]).setUser(args[3])
                        .setPassword(args[4]).setCachePreparedStatements(true).setPipeliningLimit(256))
                .using(vertx).build();
        List<String> imsis = new ArrayList<>();
        for (Row row : pool.withTransaction(conn -> conn.query(ALL_TENANTS).execute()
                .compose(scoped -> conn.query("SELECT imsi FROM sim_decisions").execute()))
                .toCompletionStage().toCompletableFuture().get()) {
            imsis.add(row.getString(0));
        }
        System.out.printf("SIMs in the decision view: %d; in flight: %d; pool: %d%n", imsis.size(), inFlight, poolSize);
        run(pool, imsis, Math.min(10, seconds), inFlight, false);
        run(pool, imsis, seconds, inFlight, true);
        pool.close();
        vertx.close();
    }

    private static void run(Pool pool, List<String> imsis, int seconds, int inFlight, boolean report) throws Exception {
        AtomicLongArray micros = new AtomicLongArray(MAX_MICROS + 1);
        AtomicLong done = new AtomicLong();
        AtomicLong misses = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(inFlight);
        long start = System.nanoTime();
        for (int i = 0; i < inFlight; i++) {
            lookup(pool, imsis, micros, done, misses, stop, finished);
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        finished.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (report) {
            System.out.printf("lookups: %d in %.1f s = %.0f/s; misses: %d%n", done.get(), elapsed, done.get() / elapsed,
                    misses.get());
            System.out.printf("latency: p50 %s, p90 %s, p99 %s, p99.9 %s, max %s%n", percentile(micros, done.get(), 0.50),
                    percentile(micros, done.get(), 0.90), percentile(micros, done.get(), 0.99),
                    percentile(micros, done.get(), 0.999), percentile(micros, done.get(), 1.0));
        }
    }

    private static void lookup(Pool pool, List<String> imsis, AtomicLongArray micros, AtomicLong done,
                               AtomicLong misses, AtomicBoolean stop, CountDownLatch finished) {
        if (stop.get()) {
            finished.countDown();
            return;
        }
        String imsi = imsis.get(ThreadLocalRandom.current().nextInt(imsis.size()));
        long begin = System.nanoTime();
        pool.withConnection(conn -> {
            conn.query("BEGIN").execute();
            conn.query(ALL_TENANTS).execute();
            var rows = conn.preparedQuery(DecisionReader.BY_IMSI).execute(Tuple.of(imsi));
            return conn.query("COMMIT").execute().compose(committed -> rows);
        }).onComplete(result -> {
            if (result.failed() || result.result().size() != 1
                    || DecisionReader.toDecision(result.result().iterator().next()).policy() == null) {
                misses.incrementAndGet();
            }
            long us = (System.nanoTime() - begin) / 1000;
            micros.incrementAndGet((int) Math.min(us, MAX_MICROS));
            done.incrementAndGet();
            lookup(pool, imsis, micros, done, misses, stop, finished);
        });
    }

    private static String percentile(AtomicLongArray micros, long total, double quantile) {
        long rank = Math.max(1, (long) Math.ceil(total * quantile));
        long seen = 0;
        for (int us = 0; us <= MAX_MICROS; us++) {
            seen += micros.get(us);
            if (seen >= rank) {
                return us >= MAX_MICROS ? ">100 ms" : String.format("%.3f ms", us / 1000.0);
            }
        }
        return "n/a";
    }
}
