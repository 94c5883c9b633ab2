package io.cellgate.sms;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellgate.common.Actor;
import io.cellgate.common.Page;
import io.cellgate.common.db.PgErrors;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import io.cellgate.job.JobStore;
import io.cellgate.ports.SmsGatewayPort;
import io.cellgate.tenant.TenantGate;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Sending SMS to a tenant's devices (checked, counted and queued in one transaction) and reading its messages. The
 * SMPP session submits what is queued ({@link SmsGateway}).
 */
@ApplicationScoped
public class SmsService {
    private static final Logger LOG = Logger.getLogger(SmsService.class);
    /** The warning thresholds of a decision row's SMS limit (percent), as an integer array. */
    static final String WARN_PERCENTS = "ARRAY(SELECT jsonb_array_elements_text(coalesce(d.policy"
            + " #> '{limits,sms_count,warn_percent}', '[]'))::int)";

    @Inject
    TenantGate gate;
    @Inject
    ScopedDatabase db;
    @Inject
    SmsConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    Event<SmsGatewayPort.Queued> queued;
    @Inject
    Pool pool;

    /**
     * Queues a message to the SIM's device, or answers the one queued earlier with the same idempotency key. Refused
     * unless the tenant's SMS throughput allows every part, the SIM is active with a number, its policy lets it
     * receive SMS, and its monthly SMS limit has room for every part.
     */
    public Uni<SmsView> send(Actor actor, Iccid iccid, SendSmsRequest request, String idempotencyKey) {
        MessageParts planned = SmsPlanner.plan(request, ThreadLocalRandom.current().nextInt(256));
        String hash = JobStore.requestHash(json, Map.of("iccid", iccid.value(), "request", request));
        String tenant = actor.requireTenant().value();
        int parts = planned.parts().size();
        return takeThroughput(tenant, parts)
                .onFailure(ProblemException.class).recoverWithUni(refused -> earlier(actor, idempotencyKey, hash)
                        .map(found -> {
                            if (found == null) {
                                throw (ProblemException) refused;
                            }
                            return false;
                        }))
                .flatMap(taken -> gate.write(actor, (tx, note) -> SmsReads.byKey(tx, actor, idempotencyKey, hash)
                                .flatMap(found -> found != null
                                        ? giveBack(taken, tenant, parts).replaceWith(found)
                                        : queue(tx, actor, iccid, request, planned, idempotencyKey, hash).invoke(
                                                created -> note.changes(Map.of(), Map.of("message_id", created.id(),
                                                        "iccid", iccid.value(), "parts", created.parts(), "encoding",
                                                        created.encoding().dbValue(), "to", created.to())))))
                        .onFailure(PgErrors::isUniqueViolation)
                        .recoverWithUni(() -> giveBack(taken, tenant, parts)
                                .replaceWith(earlier(actor, idempotencyKey, hash)))
                        // a refusal rolled the message back: what it took is not spent
                        .onFailure(ProblemException.class).call(() -> giveBack(taken, tenant, parts)))
                .invoke(sent -> queued.fireAsync(new SmsGatewayPort.Queued()));
    }

    /** The message queued earlier with this key, or null. */
    private Uni<SmsView> earlier(Actor actor, String idempotencyKey, String hash) {
        return db.transaction(actor.scope(), tx -> SmsReads.byKey(tx, actor, idempotencyKey, hash));
    }

    private Uni<SmsView> queue(SqlConnection tx, Actor actor, Iccid iccid, SendSmsRequest request,
                               MessageParts planned, String idempotencyKey, String hash) {
        String tenant = actor.requireTenant().value();
        return tx.preparedQuery("""
                        SELECT d.sim_status, d.msisdn, coalesce((d.policy #>> '{sms,mt_enabled}')::boolean, false),
                               (d.policy #>> '{limits,sms_count,limit}')::bigint,
                               ARRAY(SELECT a.address FROM tenant_sms_addresses a WHERE a.tenant_id = $2
                                     ORDER BY a.position), """ + WARN_PERCENTS + """
                        FROM sim_decisions d WHERE d.iccid = $1 AND d.tenant_id = $2""")
                .execute(Tuple.of(iccid.value(), tenant))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("SIM " + iccid);
                    }
                    Row sim = rows.iterator().next();
                    String source = source(request.from(), sim.getArrayOfStrings(4));
                    requireDeliverable(iccid, sim);
                    Long limit = sim.getLong(3);
                    return tx.preparedQuery("SELECT count_sms($1, $2, false, $3, $4, $5)")
                            .execute(Tuple.of(tenant, iccid.value(), planned.parts().size(), limit,
                                    sim.getArrayOfIntegers(5)))
                            .flatMap(counted -> {
                                if (!counted.iterator().next().getBoolean(0)) {
                                    throw new ProblemException(ProblemType.SMS_LIMIT_REACHED, "SIM " + iccid
                                            + " has no room for " + planned.parts().size() + " more SMS within its"
                                            + " monthly limit of " + limit);
                                }
                                return insert(tx, actor, iccid, sim.getString(1), source, request, planned,
                                        idempotencyKey, hash);
                            });
                });
    }

    private static void requireDeliverable(Iccid iccid, Row sim) {
        if (!"active".equals(sim.getString(0))) {
            throw new ProblemException(ProblemType.SIM_NOT_ACTIVE, "SIM " + iccid + " is " + sim.getString(0)
                    + "; SMS are sent to active SIMs only");
        }
        if (sim.getString(1) == null) {
            throw new ProblemException(ProblemType.SIM_NOT_ACTIVE, "SIM " + iccid + " has no MSISDN to send to");
        }
        if (!sim.getBoolean(2)) {
            throw new ProblemException(ProblemType.SMS_MT_DISABLED, "The policy of SIM " + iccid + " does not let it"
                    + " receive SMS (sms.mt_enabled is false)");
        }
    }

    private String source(String asked, String[] addresses) {
        if (asked == null) {
            return addresses.length > 0 ? addresses[0] : config.defaultSource();
        }
        if (!List.of(addresses).contains(asked)) {
            throw ProblemException.invalid("from", "is not one of the tenant's SMS addresses "
                    + List.of(addresses));
        }
        return asked;
    }

    /**
     * Takes the parts from the tenant's 'accept' bucket first, in a statement of its own (take_sms_tokens runs with
     * the owner's rights and touches only the bucket): inside the sending transaction, the bucket row would stay
     * locked until its commit and every send of the tenant would queue behind it. Answers whether they were taken (a
     * retry of a queued message is answered with it even when the bucket is empty).
     */
    private Uni<Boolean> takeThroughput(String tenant, int parts) {
        return pool.preparedQuery("SELECT granted, tokens, rate FROM take_sms_tokens($1, 'accept', $2, false, $3, $4)")
                .execute(Tuple.of(tenant, parts, config.defaultPerSecond(), config.acceptBurstSeconds()))
                .map(rows -> {
                    Row bucket = rows.iterator().next();
                    if (bucket.getInteger(0) == 0) {
                        double rate = bucket.getDouble(2);
                        long wait = Math.max(1, (long) Math.ceil((parts - bucket.getDouble(1)) / rate));
                        throw ProblemException.retryLater(ProblemType.SMS_THROUGHPUT_EXCEEDED, "The tenant's SMS"
                                + " throughput (" + rate + " per second, " + config.acceptBurstSeconds() + " s ahead)"
                                + " is used up; retry after " + wait + " s", wait);
                    }
                    return true;
                });
    }

    /**
     * Returns what a send took when it queued nothing: refused by a check, or answered with the message queued
     * earlier under its key. (A send whose transaction failed otherwise keeps them spent: it may have committed.)
     */
    private Uni<Void> giveBack(boolean taken, String tenant, int parts) {
        if (!taken) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("SELECT give_back_sms_tokens($1, 'accept', $2, $3, $4)")
                .execute(Tuple.of(tenant, parts, config.defaultPerSecond(), config.acceptBurstSeconds()))
                .replaceWithVoid()
                // the answer the send already has stands: tokens not given back only make the bucket stricter
                .onFailure().invoke(failure -> LOG.warnf(failure, "%d SMS tokens of %s not given back", parts, tenant))
                .onFailure().recoverWithNull();
    }

    private Uni<SmsView> insert(SqlConnection tx, Actor actor, Iccid iccid, String msisdn, String source,
                                SendSmsRequest request, MessageParts planned, String idempotencyKey, String hash) {
        UUID id = UUID.randomUUID();
        Duration validity = request.validitySeconds() == null ? config.defaultValidity()
                : Duration.ofSeconds(request.validitySeconds());
        List<Short> numbers = new ArrayList<>();
        for (int i = 1; i <= planned.parts().size(); i++) {
            numbers.add((short) i);
        }
        Tuple params = Tuple.of(id, actor.requireTenant().value(), iccid.value(), msisdn, source,
                planned.encoding().dbValue());
        params.addValue(request.text()).addValue(SmsReads.buffer(SmsPlanner.hex(request.binary())))
                .addValue(SmsReads.buffer(SmsPlanner.hex(request.udh())))
                .addValue((short) planned.dataCoding()).addValue((short) planned.parts().size())
                .addValue((double) validity.toSeconds()).addValue(idempotencyKey).addValue(hash).addValue(actor.subject())
                .addValue(numbers.toArray(Short[]::new)).addValue(SmsReads.buffers(planned.parts()));
        return tx.preparedQuery("""
                        WITH message AS (
                            INSERT INTO sms_messages (id, tenant_id, iccid, direction, device_number, tenant_address,
                                encoding, text, payload, udh, data_coding, parts, status, validity, expires_at,
                                idempotency_key, request_hash, created_by)
                            VALUES ($1, $2, $3, 'mt', $4, $5, $6, $7, $8, $9, $10, $11, 'queued',
                                    make_interval(secs => $12), now() + make_interval(secs => $12), $13, $14, $15)
                            RETURNING *
                        ), parts AS (
                            INSERT INTO sms_parts (message_id, part, tenant_id, short_message)
                            SELECT $1, p.part, $2, p.data FROM unnest($16::smallint[], $17::bytea[]) AS p(part, data)
                        )
                        SELECT""" + SmsReads.COLUMNS + " FROM message")
                .execute(params)
                .map(rows -> SmsReads.toView(rows.iterator().next()));
    }

    public Uni<SmsView> get(Actor actor, UUID id) {
        return db.transaction(actor.scope(), tx -> SmsReads.withDetails(tx, actor, id));
    }

    /** The tenant's messages, newest first, optionally of one SIM, one status or one direction. */
    public Uni<Page<SmsView>> list(Actor actor, Iccid iccid, String status, String direction, int limit,
                                   String cursor) {
        return db.transaction(actor.scope(), tx -> SmsReads.list(tx, actor, iccid, status, direction, limit, cursor));
    }
}
