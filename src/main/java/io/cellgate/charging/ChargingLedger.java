package io.cellgate.charging;

import io.cellgate.common.Actor;
import io.cellgate.common.Origin;
import io.cellgate.common.db.NetworkPlane;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.TenantId;
import io.cellgate.ports.ChargingPort;
import io.cellgate.ports.ChargingPort.Invocation.Outcome;
import io.cellgate.ports.ChargingPort.Invocation.State;
import io.cellgate.ports.ChargingPort.Invocation.Unit;
import io.cellgate.ports.ChargingPort.Invocation.UnitOutcome;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The charging sessions and their reservations: each invocation is one call of the database function
 * {@code charging_invoke} (R__charging.sql), on the network plane's own connections, which counts, reserves and keeps
 * the outcome in one transaction.
 */
@ApplicationScoped
public class ChargingLedger implements ChargingPort {
    private static final String INVOKE = "SELECT charging_invoke($1, $2, $3, $4, $5, $6, $7,"
            + " make_interval(secs => $8), $9, $10) AS outcome";

    @Inject
    @NetworkPlane
    ScopedDatabase db;

    @Override
    public Uni<ChargingFunction> function(Actor reader, String clientId) {
        return db.query(reader.allTenants(), "SELECT id, name, client_id FROM charging_functions"
                        + " WHERE client_id = $1 AND enabled", Tuple.of(clientId))
                .map(rows -> rows.size() == 0 ? null : function(rows.iterator().next()));
    }

    @Override
    public Uni<List<RatingGroup>> ratingGroups(Actor reader) {
        return db.query(reader.allTenants(), "SELECT rating_group, service FROM rating_groups", Tuple.tuple())
                .map(rows -> {
                    List<RatingGroup> groups = new ArrayList<>();
                    rows.forEach(row -> groups.add(new RatingGroup(row.getLong("rating_group"),
                            Service.valueOf(row.getString("service").toUpperCase(Locale.ROOT)))));
                    return groups;
                });
    }

    @Override
    public Uni<Set<String>> a2pAddresses(Actor reader, TenantId tenant) {
        return db.query(reader.allTenants(), "SELECT ltrim(address, '+') AS address FROM tenant_sms_addresses"
                + " WHERE tenant_id = $1", Tuple.of(tenant.value())).map(rows -> {
                    Set<String> addresses = new HashSet<>();
                    rows.forEach(row -> addresses.add(row.getString("address")));
                    return Set.copyOf(addresses);
                });
    }

    @Override
    public Uni<Outcome> invoke(Actor function, Invocation invocation) {
        Tuple arguments = Tuple.from(List.of(invocation.session(), invocation.function(),
                invocation.tenant().value(), invocation.iccid().value(), invocation.sequence(),
                invocation.kind() == Invocation.Kind.CREATE, invocation.kind() == Invocation.Kind.RELEASE,
                (double) invocation.validFor().toMillis() / 1000, units(invocation.units()), actor(function)));
        return db.query(function.tenantOrAllScope(), INVOKE, arguments)
                .map(rows -> outcome(rows.iterator().next().getJsonObject("outcome")));
    }

    @Override
    public Uni<Integer> releaseIdle(Actor reader, Duration idle) {
        return db.query(reader.allTenants(), "SELECT release_idle_charging_sessions(make_interval(secs => $1))"
                + " AS released", Tuple.of((double) idle.toSeconds())).map(rows -> rows.iterator().next()
                .getInteger("released"));
    }

    private static ChargingFunction function(Row row) {
        return new ChargingFunction(row.getUUID("id"), row.getString("name"), row.getString("client_id"));
    }

    /** Who the audit trail names for a limit the function's report reached. */
    private static JsonObject actor(Actor function) {
        Origin origin = function.origin();
        return new JsonObject().put("subject", function.subject()).put("client_ip", origin.clientIp())
                .put("user_agent", origin.userAgent()).put("request_id", origin.requestId())
                .put("action", origin.action()).put("method", origin.method()).put("target", origin.target());
    }

    private static JsonArray units(List<Unit> units) {
        JsonArray array = new JsonArray();
        for (Unit unit : units) {
            JsonObject node = new JsonObject().put("rating_group", unit.ratingGroup())
                    .put("service", unit.service().name().toLowerCase(Locale.ROOT)).put("mo", unit.mo())
                    .put("up", unit.up()).put("down", unit.down()).put("debit", unit.debit())
                    .put("requested", unit.requested());
            if (unit.limit() != null) {
                node.put("limit", unit.limit()).put("warn", new JsonArray(unit.warnPercents()));
            }
            if (unit.refusal() != null) {
                node.put("result", unit.refusal().resultCode()).put("reason", unit.refusal().reason())
                        .put("counterpart", unit.refusal().counterpart());
            }
            array.add(node);
        }
        return array;
    }

    private static Outcome outcome(JsonObject outcome) {
        State state = State.valueOf(outcome.getString("state").toUpperCase(Locale.ROOT));
        List<UnitOutcome> units = new ArrayList<>();
        for (Object element : outcome.getJsonArray("units", new JsonArray())) {
            JsonObject unit = (JsonObject) element;
            units.add(new UnitOutcome(unit.getLong("rating_group"),
                    Service.valueOf(unit.getString("service").toUpperCase(Locale.ROOT)), unit.getString("result"),
                    unit.getLong("granted"), unit.getBoolean("final"), unit.getBoolean("debited")));
        }
        return new Outcome(state, outcome.getLong("last_sequence"), units);
    }
}
