package io.cellgate.sms;

import io.cellgate.common.Actor;
import io.cellgate.common.db.ScopedDatabase;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * On every replica, every {@code cellgate.sms.upkeep-interval}: applies receipts that came before their submit was
 * recorded (and, after {@code cellgate.sms.guess-after}, those of parts sent without learning their SMSC id), expires
 * parts never sent within their validity, the unsent parts of failed messages, and sent parts whose receipt did not
 * come within the grace after it, and drops unmatched receipts and reply fragments kept longer than {@code cellgate.sms.keep-unmatched}
 * (expire_sms, R__sms.sql).
 */
@ApplicationScoped
public class SmsUpkeep {
    private static final Actor KEEPER = Actor.Work.SMS_UPKEEP.actor();

    @Inject
    ScopedDatabase db;
    @Inject
    SmsConfig config;

    @Scheduled(every = "${cellgate.sms.upkeep-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().replaceWithVoid();
    }

    /** Answers how many messages it finished (expired). */
    Uni<Integer> run() {
        return db.transaction(KEEPER.allTenants(), tx -> tx.preparedQuery(
                        "SELECT expire_sms(make_interval(secs => $1), make_interval(secs => $2), make_interval(secs => $3))")
                .execute(Tuple.of((double) config.receiptGrace().toSeconds(),
                        (double) config.keepUnmatched().toSeconds(), (double) config.guessAfter().toSeconds())))
                .map(rows -> rows.iterator().next().getInteger(0));
    }
}
