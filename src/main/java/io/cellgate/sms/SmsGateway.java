package io.cellgate.sms;

import io.cellgate.common.Actor;
import io.cellgate.common.db.NetworkPlane;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.ports.SmsGatewayPort;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The SMPP session's side of the SMS tables ({@link SmsGatewayPort}), in the all-tenants scope of the SMSC. */
@ApplicationScoped
public class SmsGateway implements SmsGatewayPort {
    @Inject
    @NetworkPlane
    ScopedDatabase db;
    @Inject
    SmsConfig config;

    @Override
    public Uni<List<PartToSubmit>> claim(Actor smsc, String replica, int limit, Duration lease) {
        return db.transaction(smsc.allTenants(), tx -> tx.preparedQuery(
                        "SELECT * FROM claim_sms_parts($1, $2, make_interval(secs => $3), $4)")
                .execute(Tuple.of(replica, limit, lease.toMillis() / 1000.0, config.defaultPerSecond())))
                .map(rows -> {
                    List<PartToSubmit> parts = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        parts.add(new PartToSubmit(row.getUUID("message_id"), row.getInteger("part"),
                                row.getInteger("attempt"), row.getString("tenant_id"), row.getBuffer("short_message").getBytes(),
                                row.getString("device_number"), row.getString("tenant_address"),
                                row.getInteger("data_coding"), row.getBoolean("has_udh"),
                                row.getOffsetDateTime("expires_at").toInstant()));
                    }
                    return parts;
                });
    }

    @Override
    public Uni<Void> submitted(Actor smsc, String replica, List<SubmitOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = outcomes.size();
        UUID[] ids = new UUID[n];
        Short[] parts = new Short[n];
        Integer[] attempts = new Integer[n];
        String[] results = new String[n];
        String[] smscIds = new String[n];
        String[] errors = new String[n];
        OffsetDateTime[] retryAt = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            SubmitOutcome outcome = outcomes.get(i);
            ids[i] = outcome.messageId();
            parts[i] = (short) outcome.part();
            attempts[i] = outcome.attempt();
            results[i] = outcome.result().name().toLowerCase();
            smscIds[i] = outcome.smscMessageId();
            errors[i] = outcome.error();
            retryAt[i] = outcome.retryAt() == null ? null : outcome.retryAt().atOffset(ZoneOffset.UTC);
        }
        return db.transaction(smsc.allTenants(), tx -> tx.preparedQuery(
                        "SELECT record_sms_submits($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.of(replica, ids, parts, attempts, results, smscIds).addValue(errors).addValue(retryAt)))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> receipts(Actor smsc, List<Receipt> receipts) {
        if (receipts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = receipts.size();
        String[] smscIds = new String[n];
        String[] states = new String[n];
        String[] errors = new String[n];
        OffsetDateTime[] doneAt = new OffsetDateTime[n];
        String[] devices = new String[n];
        String[] addresses = new String[n];
        Buffer[] textStarts = new Buffer[n];
        for (int i = 0; i < n; i++) {
            Receipt receipt = receipts.get(i);
            smscIds[i] = receipt.smscMessageId();
            states[i] = receipt.state().dbValue();
            errors[i] = receipt.error();
            doneAt[i] = receipt.doneAt().atOffset(ZoneOffset.UTC);
            devices[i] = receipt.deviceNumber();
            addresses[i] = receipt.tenantAddress();
            textStarts[i] = receipt.textStart() == null ? null : Buffer.buffer(receipt.textStart());
        }
        return db.transaction(smsc.allTenants(), tx -> tx.preparedQuery(
                        "SELECT record_sms_receipts($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.of(smscIds, states, errors, doneAt, devices, addresses).addValue(textStarts)))
                .replaceWithVoid();
    }

    @Override
    public Uni<Received> received(Actor smsc, IncomingSms sms, Instant writtenBy) {
        return db.transaction(smsc.allTenants(), tx -> tx.preparedQuery("""
                        SELECT d.tenant_id, d.iccid, d.sim_status, d.tenant_status,
                               coalesce((d.policy #>> '{sms,mo_enabled}')::boolean, false),
                               (d.policy #>> '{limits,sms_count,limit}')::bigint, """ + SmsService.WARN_PERCENTS + """
                               , a.address
                        FROM tenant_sms_addresses a
                        JOIN sims s ON s.msisdn = $1 AND s.tenant_id = a.tenant_id
                        JOIN sim_decisions d ON d.iccid = s.iccid
                        WHERE a.address IN ($2, $3) ORDER BY a.address = $2 DESC LIMIT 1""")
                .execute(Tuple.of(sms.deviceNumber(), sms.tenantAddress(), otherForm(sms.tenantAddress())))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Received.UNKNOWN);
                    }
                    Row sim = rows.iterator().next();
                    IncomingSms registered = new IncomingSms(sms.deviceNumber(), sim.getString(7), sms.dataCoding(),
                            sms.concatenation(), sms.userData());
                    return whole(tx, sim, registered).flatMap(userData -> userData == null
                            ? Uni.createFrom().item(Received.PART_KEPT) : keep(tx, sim, registered, userData))
                            .invoke(kept -> {
                                // checked on the clock the deadline was set on (the database's may differ)
                                if (Instant.now().isAfter(writtenBy)) {
                                    throw new WrittenTooLate(writtenBy);
                                }
                            });
                }));
    }

    /** A device's message whose write was not done by its deadline (rolled back, to be delivered again). */
    static final class WrittenTooLate extends IllegalStateException {
        WrittenTooLate(Instant writtenBy) {
            super("the write was not done by " + writtenBy + ", the SMSC delivers it again");
        }
    }

    /**
     * A long number as it might also have been registered: with '+' when it came without, and the other way round
     * (SMSCs differ in whether they mark the number a device replied to as international).
     */
    static String otherForm(String address) {
        if (address.startsWith("+")) {
            return address.substring(1);
        }
        return address.chars().allMatch(Character::isDigit) ? "+" + address : address;
    }

    /** The whole message's user data: this one, or all parts once the last has come (else null). */
    private static Uni<byte[]> whole(SqlConnection tx, Row sim, IncomingSms sms) {
        Concatenation concat = sms.concatenation();
        if (concat == null) {
            return Uni.createFrom().item(sms.userData());
        }
        Tuple key = Tuple.of(sim.getString(0), sim.getString(1), sms.tenantAddress(), concat.reference(),
                (short) concat.total());
        // parts arriving together (at two replicas) must not both miss the other: one takes the key's lock first
        return tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended(concat_ws('/', $1::text, $2::text,"
                        + " $3::text, $4::int, $5::smallint), 0))")
                .execute(key)
                .flatMap(locked -> tx.preparedQuery("""
                                INSERT INTO sms_mo_fragments (tenant_id, iccid, tenant_address, reference, total, part,
                                                              data_coding, user_data)
                                VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING""")
                        .execute(Tuple.of(sim.getString(0), sim.getString(1), sms.tenantAddress(), concat.reference(),
                                (short) concat.total(), (short) concat.part()).addValue((short) sms.dataCoding())
                                .addValue(Buffer.buffer(sms.userData()))))
                .flatMap(inserted -> tx.preparedQuery("""
                                SELECT part, user_data FROM sms_mo_fragments
                                WHERE tenant_id = $1 AND iccid = $2 AND tenant_address = $3 AND reference = $4
                                  AND total = $5 ORDER BY part""")
                        .execute(key))
                .flatMap(rows -> {
                    if (rows.size() < concat.total()) {
                        return Uni.createFrom().nullItem();
                    }
                    ByteArrayOutputStream all = new ByteArrayOutputStream();
                    rows.forEach(row -> all.writeBytes(row.getBuffer(1).getBytes()));
                    return tx.preparedQuery("""
                                    DELETE FROM sms_mo_fragments WHERE tenant_id = $1 AND iccid = $2
                                      AND tenant_address = $3 AND reference = $4 AND total = $5""")
                            .execute(key).map(deleted -> all.toByteArray());
                });
    }

    /** Keeps a whole reply: received and counted when the SIM may send SMS and has room, else blocked. */
    private static Uni<Received> keep(SqlConnection tx, Row sim, IncomingSms sms, byte[] userData) {
        int parts = sms.concatenation() == null ? 1 : sms.concatenation().total();
        String refusal = !"active".equals(sim.getString(3)) ? "tenant_suspended"
                : !"active".equals(sim.getString(2)) ? "sim_" + sim.getString(2)
                : !sim.getBoolean(4) ? "mo_disabled" : null;
        Uni<String> reason = refusal != null ? Uni.createFrom().item(refusal)
                : tx.preparedQuery("SELECT count_sms($1, $2, true, $3, $4, $5)")
                        .execute(Tuple.of(sim.getString(0), sim.getString(1), parts, sim.getLong(5),
                                sim.getArrayOfIntegers(6)))
                        .map(rows -> rows.iterator().next().getBoolean(0) ? null : "sms_limit_reached");
        return reason.flatMap(blocked -> {
            SmsEncoding encoding = SmsEncoding.ofDataCoding(sms.dataCoding());
            String text = blocked != null || encoding == SmsEncoding.BINARY ? null : decode(encoding, userData);
            Buffer payload = blocked != null || encoding != SmsEncoding.BINARY ? null : Buffer.buffer(userData);
            return tx.preparedQuery("""
                            INSERT INTO sms_messages (id, tenant_id, iccid, direction, device_number, tenant_address,
                                encoding, text, payload, data_coding, parts, status, error, expires_at, created_by)
                            VALUES ($1, $2, $3, 'mo', $4, $5, $6, $7, $8, $9, $10, $11, $12, now(), 'smsc')""")
                    .execute(Tuple.of(UUID.randomUUID(), sim.getString(0), sim.getString(1), sms.deviceNumber(),
                                    sms.tenantAddress(), encoding.dbValue())
                            .addValue(text).addValue(payload).addValue((short) sms.dataCoding())
                            .addValue((short) parts).addValue(blocked == null ? "received" : "blocked")
                            .addValue(blocked))
                    .map(inserted -> blocked == null ? Received.STORED : Received.BLOCKED);
        });
    }

    /** A reply's text; what does not decode cleanly is kept as replacement characters, never refused. */
    static String decode(SmsEncoding encoding, byte[] userData) {
        String text = switch (encoding) {
            case GSM7 -> Gsm7.decode(userData);
            case IA5 -> new String(userData, StandardCharsets.US_ASCII);
            case LATIN1 -> new String(userData, StandardCharsets.ISO_8859_1);
            case UCS2, BINARY -> new String(userData, StandardCharsets.UTF_16BE);
        };
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> clean.appendCodePoint(
                c == 0 || Character.getType(c) == Character.SURROGATE
                        || Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' ? 0xFFFD : c));
        return clean.toString();
    }
}
