package io.cellgate.usage;

import io.cellgate.common.Actor;
import io.cellgate.common.Cursor;
import io.cellgate.common.NewestFirst;
import io.cellgate.common.Page;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Data sessions and refused access requests as tenants (their SIMs') and carrier ops (every tenant's) read them,
 * newest first, cursor paged.
 */
@ApplicationScoped
public class SessionQueries {
    private static final String SESSIONS = """
            SELECT s.id, s.iccid, s.tenant_id, s.nas_name, s.acct_session_id, host(s.framed_ip) AS framed_ip,
                   s.imei, s.apn, s.started_at, s.updated_at, s.stopped_at, s.stop_cause, s.input_octets,
                   s.output_octets, s.disconnect, s.throttle
            FROM data_sessions s""";
    private static final String AUTH_EVENTS = "SELECT id, iccid, at, reason, nas_name, apn, imei, rat_type"
            + " FROM auth_events WHERE iccid = $1 AND tenant_id = $2 AND id < $3 ORDER BY id DESC LIMIT $4";
    private static final String SIM_OF_TENANT = "SELECT 1 FROM sims WHERE iccid = $1 AND tenant_id = $2";

    @Inject
    ScopedDatabase db;

    /** A SIM's sessions, live and past: the tenant's own SIMs only. */
    public Uni<Page<SessionView>> ofSim(Actor actor, Iccid iccid, int limit, String cursor) {
        TenantId tenant = actor.requireTenant();
        return sessions(actor, tenant, iccid, null, limit, cursor);
    }

    /** Sessions of any tenant (carrier ops), optionally of one tenant, one SIM, live ones only. */
    public Uni<Page<SessionView>> all(Actor actor, TenantId tenant, Iccid iccid, Boolean live, int limit,
                                      String cursor) {
        return sessions(actor, tenant, iccid, live, limit, cursor);
    }

    public Uni<Page<AuthEventView>> authEvents(Actor actor, Iccid iccid, int limit, String cursor) {
        Long before = Cursor.decode(cursor, Long::valueOf);
        TenantId tenant = actor.requireTenant();
        return db.transaction(actor.scope(), tx -> ownSim(tx, tenant, iccid)
                .flatMap(sim -> tx.preparedQuery(AUTH_EVENTS).execute(Tuple.of(iccid.value(), tenant.value(),
                        before == null ? Long.MAX_VALUE : before, limit + 1)))
                .map(rows -> {
                    List<AuthEventView> events = new ArrayList<>();
                    rows.forEach(row -> events.add(new AuthEventView(row.getLong("id"),
                            Iccid.parse(row.getString("iccid")), row.getOffsetDateTime("at").toInstant(),
                            row.getString("reason"), row.getString("nas_name"), row.getString("apn"),
                            row.getString("imei"), row.getInteger("rat_type"))));
                    return Page.of(events, limit, event -> Long.toString(event.id()));
                }));
    }

    private Uni<Page<SessionView>> sessions(Actor actor, TenantId tenant, Iccid iccid, Boolean live, int limit,
                                            String cursor) {
        NewestFirst after = Cursor.decode(cursor, NewestFirst::parse);
        Tuple params = Tuple.tuple();
        List<String> where = new ArrayList<>();
        if (tenant != null) {
            params.addValue(tenant.value());
            where.add("s.tenant_id = $" + params.size());
        }
        if (iccid != null) {
            params.addValue(iccid.value());
            where.add("s.iccid = $" + params.size());
        }
        if (live != null) {
            where.add(live ? "s.stopped_at IS NULL" : "s.stopped_at IS NOT NULL");
        }
        if (after != null) {
            params.addValue(after.at());
            params.addValue(after.id());
            where.add("(s.started_at, s.id) < ($" + (params.size() - 1) + ", $" + params.size() + ")");
        }
        params.addValue(limit + 1);
        String sql = SESSIONS + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY s.started_at DESC, s.id DESC LIMIT $" + params.size();
        boolean tenantsOwn = actor.tenant() != null;
        return db.transaction(actor.tenantOrAllScope(), tx -> (tenantsOwn ? ownSim(tx, tenant, iccid)
                        : Uni.createFrom().voidItem()).flatMap(checked -> tx.preparedQuery(sql).execute(params)))
                .map(rows -> {
                    List<SessionView> sessions = new ArrayList<>();
                    rows.forEach(row -> sessions.add(toView(row)));
                    return Page.of(sessions, limit, session -> NewestFirst.of(session.startedAt(), session.id())
                            .toString());
                });
    }

    /** A tenant reads only its own SIM's records; another SIM is not found. */
    private static Uni<Void> ownSim(SqlConnection tx, TenantId tenant, Iccid iccid) {
        return tx.preparedQuery(SIM_OF_TENANT).execute(Tuple.of(iccid.value(), tenant.value())).map(sim -> {
            if (sim.size() == 0) {
                throw ProblemException.notFound("SIM " + iccid);
            }
            return null;
        });
    }

    private static SessionView toView(Row row) {
        OffsetDateTime stopped = row.getOffsetDateTime("stopped_at");
        return new SessionView(row.getUUID("id"), Iccid.parse(row.getString("iccid")),
                TenantId.parse(row.getString("tenant_id")), row.getString("nas_name"), row.getString("acct_session_id"),
                row.getString("framed_ip"), row.getString("imei"), row.getString("apn"), stopped == null,
                row.getOffsetDateTime("started_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant(),
                stopped == null ? null : stopped.toInstant(), row.getString("stop_cause"), row.getLong("input_octets"),
                row.getLong("output_octets"), map(row.getJsonObject("disconnect")), map(row.getJsonObject("throttle")));
    }

    private static Map<String, Object> map(JsonObject json) {
        return json == null ? null : json.getMap();
    }
}
