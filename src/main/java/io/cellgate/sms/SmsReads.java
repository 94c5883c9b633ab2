package io.cellgate.sms;

import io.cellgate.common.Actor;
import io.cellgate.common.Cursor;
import io.cellgate.common.NewestFirst;
import io.cellgate.common.Page;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Reading a tenant's messages: by idempotency key, by id with parts and timeline, and in pages. */
final class SmsReads {
    static final String COLUMNS = " id, iccid, direction, status, encoding, parts, device_number, tenant_address, text,"
            + " payload, udh, data_coding, error, created_at, submitted_at, finished_at, expires_at, request_hash";

    private SmsReads() {
    }

    /** The message queued earlier with this key, or null; the same key for another request is refused. */
    static Uni<SmsView> byKey(SqlConnection tx, Actor actor, String key, String hash) {
        return tx.preparedQuery("SELECT" + COLUMNS + " FROM sms_messages WHERE tenant_id = $1 AND idempotency_key = $2")
                .execute(Tuple.of(actor.requireTenant().value(), key))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    if (!hash.equals(row.getString("request_hash"))) {
                        throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was used"
                                + " for a different request; use a new key");
                    }
                    return toView(row);
                });
    }

    static Uni<SmsView> withDetails(SqlConnection tx, Actor actor, UUID id) {
        return tx.preparedQuery("SELECT" + COLUMNS + " FROM sms_messages WHERE tenant_id = $1 AND id = $2")
                .execute(Tuple.of(actor.requireTenant().value(), id))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("SMS " + id);
                    }
                    SmsView message = toView(rows.iterator().next());
                    return tx.preparedQuery("""
                                    SELECT part, state, smsc_id, attempts, submitted_at, done_at, error FROM sms_parts
                                    WHERE message_id = $1 AND tenant_id = $2 ORDER BY part""")
                            .execute(Tuple.of(id, actor.requireTenant().value()))
                            .map(partRows -> {
                                List<SmsPartView> parts = new ArrayList<>(partRows.size());
                                partRows.forEach(row -> parts.add(new SmsPartView(row.getInteger(0),
                                        row.getString(1), row.getString(2), row.getInteger(3), instant(row, 4),
                                        instant(row, 5), row.getString(6))));
                                return message.withDetails(parts, timeline(message, parts));
                            });
                });
    }

    /** What happened to a message, oldest first: queued (or received), each part's submit and outcome. */
    static List<SmsTimelineEntry> timeline(SmsView message, List<SmsPartView> parts) {
        List<SmsTimelineEntry> steps = new ArrayList<>();
        steps.add(new SmsTimelineEntry(message.createdAt(), "mt".equals(message.direction()) ? "queued"
                : message.status(), null, "mo".equals(message.direction()) ? message.error() : null));
        for (SmsPartView part : parts) {
            if (part.submittedAt() != null) {
                steps.add(new SmsTimelineEntry(part.submittedAt(), "submitted", part.part(),
                        part.smscMessageId() == null ? part.error() : part.smscMessageId()));
            }
            if (part.doneAt() != null) {
                steps.add(new SmsTimelineEntry(part.doneAt(), part.state(), part.part(), part.error()));
            }
        }
        steps.sort(Comparator.comparing(SmsTimelineEntry::at));
        return steps;
    }

    static Uni<Page<SmsView>> list(SqlConnection tx, Actor actor, Iccid iccid, String status, String direction,
                                   int limit, String cursor) {
        NewestFirst after = Cursor.decode(cursor, NewestFirst::parse);
        Tuple params = Tuple.of(actor.requireTenant().value(), iccid == null ? null : iccid.value(), status, direction,
                after == null ? null : after.at(), after == null ? null : after.id());
        return tx.preparedQuery("SELECT" + COLUMNS + " FROM sms_messages WHERE tenant_id = $1"
                        + " AND ($2::text IS NULL OR iccid = $2) AND ($3::text IS NULL OR status = $3)"
                        + " AND ($4::text IS NULL OR direction = $4)"
                        + " AND ($5::timestamptz IS NULL OR (created_at, id) < ($5, $6))"
                        + " ORDER BY created_at DESC, id DESC LIMIT " + (limit + 1))
                .execute(params)
                .map(rows -> {
                    List<SmsView> messages = new ArrayList<>(rows.size());
                    rows.forEach(row -> messages.add(toView(row)));
                    return Page.of(messages, limit, m -> NewestFirst.of(m.createdAt(), m.id()).toString());
                });
    }

    static SmsView toView(Row row) {
        boolean mt = "mt".equals(row.getString("direction"));
        return new SmsView(row.getUUID("id"), Iccid.parse(row.getString("iccid")), row.getString("direction"),
                row.getString("status"), SmsEncoding.fromDb(row.getString("encoding")), row.getInteger("parts"),
                mt ? row.getString("tenant_address") : row.getString("device_number"),
                mt ? row.getString("device_number") : row.getString("tenant_address"), row.getString("text"),
                hex(row, "payload"), hex(row, "udh"), row.getInteger("data_coding"),
                row.getString("error"), instant(row, "created_at"), instant(row, "submitted_at"),
                instant(row, "finished_at"), mt ? instant(row, "expires_at") : null, null, null);
    }

    static Buffer buffer(byte[] bytes) {
        return bytes == null ? null : Buffer.buffer(bytes);
    }

    static Buffer[] buffers(List<byte[]> parts) {
        return parts.stream().map(Buffer::buffer).toArray(Buffer[]::new);
    }

    private static String hex(Row row, String column) {
        var buffer = row.getBuffer(column);
        return buffer == null ? null : HexFormat.of().formatHex(buffer.getBytes());
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime time = row.getOffsetDateTime(column);
        return time == null ? null : time.toInstant();
    }

    private static Instant instant(Row row, int column) {
        OffsetDateTime time = row.getOffsetDateTime(column);
        return time == null ? null : time.toInstant();
    }
}
