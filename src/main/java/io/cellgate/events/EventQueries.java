package io.cellgate.events;

import io.cellgate.common.Actor;
import io.cellgate.common.Cursor;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's events in the order of their transactions, from a cursor on: a page now, or the next page as soon as there is one (long
 * polling, and the stream). Only events of transactions older than every transaction still running are read
 * ({@link EventPosition}), so a cursor never skips an event that commits later.
 */
@ApplicationScoped
public class EventQueries {
    /**
     * How soon to look again after the tenant had new events but none for this reader: other types or SIMs, or events
     * a running transaction still holds back (they are signalled once only).
     */
    private static final Duration HELD_BACK_RECHECK = Duration.ofSeconds(1);
    /** How often a waiting reader looks anyway. */
    private static final Duration RECHECK = Duration.ofSeconds(15);
    private static final String AFTER_CURSOR = " FROM events WHERE tenant_id = $1 AND (tx, position) >"
            + " ($2::text::xid8, $3) AND tx < pg_snapshot_xmin(pg_current_snapshot())";
    /** tx as text under another name: ORDER BY tx must mean the column (an output column of its name would win). */
    private static final String SELECT = "SELECT id, type, at, tenant_id, iccid, seq, data, tx::text AS cursor_tx,"
            + " position" + AFTER_CURSOR;
    /**
     * How far a read got: the last of the tenant's events it could see, whatever the filters; in the same statement
     * (the same snapshot) as the page, so that a reader whose filters matched nothing resumes after what it scanned,
     * not from its old cursor again, and no event it could not see yet is skipped.
     */
    private static final String REACH = "SELECT tx::text AS reach_tx, position AS reach_position" + AFTER_CURSOR
            + " ORDER BY tx DESC, position DESC LIMIT 1";

    @Inject
    ScopedDatabase db;
    @Inject
    EventSignals signals;

    /** An event read, with the cursor that resumes after it. */
    public record Read(EventView event, String cursor) {
    }

    /** What one read found: up to the limit, the cursor after them, and whether more are there already. */
    public record Batch(List<Read> events, String nextCursor, boolean more) {
        EventPage page() {
            return new EventPage(events.stream().map(Read::event).toList(), nextCursor, more);
        }
    }

    /** The events after {@code cursor} (from the first kept one without), up to {@code limit}. */
    public Uni<Batch> read(Actor actor, EventFilter filter, int limit, String cursor) {
        EventPosition after = positionOf(cursor);
        TenantId tenant = actor.requireTenant();
        Tuple params = Tuple.of(tenant.value(), Long.toString(after.tx()), after.position());
        StringBuilder sql = new StringBuilder(SELECT);
        if (filter.iccid() != null) {
            params.addValue(filter.iccid().value());
            sql.append(" AND iccid = $").append(params.size());
        }
        if (!filter.types().isEmpty()) {
            params.addArrayOfString(filter.types().stream().map(EventType::apiName).toArray(String[]::new));
            sql.append(" AND type = ANY ($").append(params.size()).append(')');
        }
        if (filter.since() != null) {
            params.addValue(filter.since().atOffset(ZoneOffset.UTC));
            sql.append(" AND at >= $").append(params.size());
        }
        params.addValue(limit + 1);
        sql.append(" ORDER BY tx, position LIMIT $").append(params.size());
        String query = "SELECT r.reach_tx, r.reach_position, p.* FROM (" + REACH + ") r LEFT JOIN (" + sql
                + ") p ON true ORDER BY p.cursor_tx::xid8, p.position";
        return db.query(actor.scope(), query, params).map(rows -> {
            List<Read> events = new ArrayList<>(rows.size());
            String last = cursor == null || cursor.isEmpty() ? Cursor.encode(after.toString()) : cursor;
            String reach = last;
            for (Row row : rows) {
                reach = cursorOf(row.getString("reach_tx"), row.getLong("reach_position"));
                if (row.getUUID("id") == null) {
                    break;
                }
                if (events.size() == limit) {
                    return new Batch(events, last, true);
                }
                last = cursorOf(row.getString("cursor_tx"), row.getLong("position"));
                events.add(new Read(eventOf(row, "id"), last));
            }
            return new Batch(events, reach, false);
        });
    }

    /**
     * The events after {@code cursor}, waiting up to {@code wait} for the first ones when there are none yet: answers
     * as soon as there are, else an empty page when the wait is over.
     */
    public Uni<Batch> next(Actor actor, EventFilter filter, int limit, String cursor, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        return next(actor, filter, limit, cursor, deadline, RECHECK);
    }

    private Uni<Batch> next(Actor actor, EventFilter filter, int limit, String cursor, long deadline,
                            Duration recheck) {
        return read(actor, filter, limit, cursor).flatMap(batch -> {
            long left = deadline - System.nanoTime();
            if (!batch.events().isEmpty() || left <= 0) {
                return Uni.createFrom().item(batch);
            }
            Duration nap = Duration.ofNanos(Math.min(left, recheck.toNanos()));
            return signals.next(actor.requireTenant(), nap).flatMap(announced ->
                    next(actor, filter, limit, cursor, deadline, announced ? HELD_BACK_RECHECK : RECHECK));
        });
    }

    private static String cursorOf(String tx, long position) {
        return Cursor.encode(new EventPosition(Long.parseLong(tx), position).toString());
    }

    static EventPosition positionOf(String cursor) {
        EventPosition position = Cursor.decode(cursor, EventPosition::parse);
        return position == null ? EventPosition.START : position;
    }

    /** The event of a row with the columns of events (its id in {@code idColumn}). */
    public static EventView eventOf(Row row, String idColumn) {
        String iccid = row.getString("iccid");
        return new EventView(row.getUUID(idColumn), EventType.fromApiName(row.getString("type")),
                row.getOffsetDateTime("at").toInstant(), TenantId.parse(row.getString("tenant_id")),
                iccid == null ? null : Iccid.parse(iccid), row.getLong("seq"), row.getJsonObject("data").getMap());
    }
}
