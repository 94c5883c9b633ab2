package io.cellgate.sim.store;

import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.web.IfMatch;
import io.cellgate.sim.SimStatus;
import io.cellgate.sim.SimView;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The one writer of a SIM's own row (name, labels, profile, policy overrides): it locks the row, checks the version
 * the request names (If-Match), writes the change with a new version and answers the SIM as it now is. Other features
 * change a SIM through here; they lock SIMs whose data hangs off them (addresses) through here too. Lifecycle moves are
 * set-based ({@link SimTransitions}) and stock moves are carrier ops' ({@code sim.stock}): both in this feature.
 */
@ApplicationScoped
public class SimStore {
    private static final String LOCK = "SELECT " + SimRows.COLUMNS + """
            , policy_overrides FROM sims WHERE tenant_id = $1 AND iccid = $2 FOR UPDATE""";
    private static final String WRITE = """
            UPDATE sims SET name = $3, labels = $4, profile_id = $5, policy_overrides = $6, version = version + 1,
                   updated_at = now()
            WHERE tenant_id = $1 AND iccid = $2 RETURNING\s""" + SimRows.COLUMNS;
    private static final String LOCK_ALL = """
            SELECT iccid, status FROM sims WHERE tenant_id = $1 AND iccid = ANY($2::text[]) ORDER BY iccid FOR UPDATE""";

    /** What a SIM's writers may change, as it was when locked. */
    public record SimRow(String name, Map<String, String> labels, UUID profileId, JsonObject overrides, long version) {
        public SimRow withName(String newName) {
            return new SimRow(newName, labels, profileId, overrides, version);
        }

        public SimRow withLabels(Map<String, String> newLabels) {
            return new SimRow(name, newLabels, profileId, overrides, version);
        }

        public SimRow withPolicy(UUID newProfileId, JsonObject newOverrides) {
            return new SimRow(name, labels, newProfileId, newOverrides, version);
        }
    }

    /** A change written: the row before and after it, and the SIM as it now is. */
    public record Modified(SimRow before, SimRow after, SimView sim) {
    }

    /**
     * Locks the tenant's SIM (404 when it has none of this ICCID), checks If-Match against its version (428, 412),
     * applies {@code change} and writes it. A change that changes nothing is not written: the version stays.
     */
    public Uni<Modified> modify(SqlConnection tx, TenantId tenant, Iccid iccid, String ifMatch,
                                UnaryOperator<SimRow> change) {
        Tuple key = Tuple.of(tenant.value(), iccid.value());
        return tx.preparedQuery(LOCK).execute(key).flatMap(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("SIM " + iccid);
            }
            Row locked = rows.iterator().next();
            SimRow before = toRow(locked);
            IfMatch.require(ifMatch, before.version(), "SIM " + iccid);
            SimRow after = change.apply(before);
            if (after.equals(before)) {
                return Uni.createFrom().item(new Modified(before, before, SimRows.toView(locked)));
            }
            return tx.preparedQuery(WRITE).execute(Tuple.of(tenant.value(), iccid.value(), after.name(),
                            SimRows.toJson(after.labels()), after.profileId(), after.overrides()))
                    .map(written -> new Modified(before, after, SimRepository.toSim(written, iccid)));
        });
    }

    /**
     * Locks the tenant's SIMs among {@code iccids} for a change of data that hangs off them, in ICCID order (so that
     * two such changes cannot deadlock), and answers the state of each; ICCIDs the tenant has no SIM of are absent.
     */
    public Uni<Map<Iccid, SimStatus>> lock(SqlConnection tx, TenantId tenant, List<Iccid> iccids) {
        return tx.preparedQuery(LOCK_ALL).execute(Tuple.tuple().addValue(tenant.value())
                .addArrayOfString(Iccid.values(iccids))).map(rows -> {
                    Map<Iccid, SimStatus> states = new HashMap<>();
                    for (Row row : rows) {
                        states.put(Iccid.parse(row.getString("iccid")), SimStatus.fromDb(row.getString("status")));
                    }
                    return states;
                });
    }

    private static SimRow toRow(Row row) {
        return new SimRow(row.getString("name"), SimRows.labels(row.getJsonObject("labels")), row.getUUID("profile_id"),
                row.getJsonObject("policy_overrides"), row.getLong("version"));
    }
}
