package io.cellgate.sim.stock;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellgate.audit.AuditedWrites;
import io.cellgate.common.Actor;
import io.cellgate.common.db.PgErrors;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.Imsi;
import io.cellgate.common.id.Msisdn;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.problem.FieldError;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import io.cellgate.sim.SimStatus;
import io.cellgate.sim.store.SimRows;
import io.cellgate.tenant.SimQuota;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carrier ops' SIM stock: import from the manufacturer, assign to tenants, take never-used SIMs back. Each request is
 * all or nothing and runs as a few set-based statements, so 100,000 SIMs move in one round trip per step.
 */
@ApplicationScoped
public class SimStockService {
    public static final int MAX_SIMS_PER_REQUEST = 100_000;
    /** Problems list at most this many offending rows; {@code error_count} tells the total. */
    static final int MAX_LISTED_ERRORS = 1000;

    private static final String FIND_EXISTING = """
            SELECT 'iccid' AS field, iccid AS value FROM sims WHERE iccid = ANY($1::text[])
            UNION ALL SELECT 'imsi', imsi FROM sims WHERE imsi = ANY($2::text[])
            UNION ALL SELECT 'msisdn', msisdn FROM sims WHERE msisdn = ANY($3::text[])""";
    private static final String INSERT = """
            INSERT INTO sims (iccid, imsi, msisdn, labels)
            SELECT i, m, n, l::jsonb FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(i, m, n, l)""";
    private static final String NOT_IN_STATE = """
            SELECT r.iccid, s.status FROM unnest($1::text[]) AS r(iccid) LEFT JOIN sims s ON s.iccid = r.iccid
            WHERE s.status IS DISTINCT FROM $2 ORDER BY r.iccid LIMIT %d""".formatted(MAX_LISTED_ERRORS);
    private static final String COUNT_IN_RANGE =
            "SELECT count(*) FROM sims WHERE iccid BETWEEN $1 AND $2 AND status = 'stock'";
    private static final String ASSIGN = """
            WITH moved AS (
                UPDATE sims s SET tenant_id = $1, status = 'ready', version = s.version + 1, updated_at = now()
                WHERE %s AND s.status = 'stock' RETURNING s.iccid),
            hist AS (
                INSERT INTO sim_transitions (iccid, tenant_id, action, from_status, to_status, actor)
                SELECT iccid, $1, 'assign', 'stock', 'ready', $2 FROM moved)
            SELECT count(*) FROM moved""";
    private static final String UNASSIGN = """
            WITH old AS (SELECT iccid, tenant_id FROM sims WHERE iccid = ANY($1::text[]) AND status = 'ready'
                ORDER BY iccid FOR UPDATE),
            moved AS (
                UPDATE sims s SET tenant_id = NULL, status = 'stock', name = NULL, labels = '{}'::jsonb,
                       profile_id = NULL, policy_overrides = '{}'::jsonb, imei_last_seen = NULL,
                       version = s.version + 1, updated_at = now()
                FROM old WHERE s.iccid = old.iccid RETURNING s.iccid, old.tenant_id),
            hist AS (
                INSERT INTO sim_transitions (iccid, tenant_id, action, from_status, to_status, actor)
                SELECT iccid, tenant_id, 'unassign', 'ready', 'stock', $2 FROM moved)
            SELECT count(*) FROM moved""";

    @Inject
    AuditedWrites writes;
    @Inject
    SimQuota quota;
    @Inject
    ObjectMapper json;

    /** The rows of an import: CSV, or a JSON array (the mappers turn Jackson's errors into problems naming the field). */
    public List<SimImportRow> parse(boolean csv, byte[] body) throws IOException {
        return csv ? SimCsv.parse(body) : json.readValue(body, new TypeReference<List<SimImportRow>>() { });
    }

    public Uni<StockChange> importSims(Actor actor, List<SimImportRow> rows) {
        if (rows == null || rows.isEmpty()) {
            throw ProblemException.invalid("body", "at least one SIM is required");
        }
        if (rows.size() > MAX_SIMS_PER_REQUEST) {
            throw ProblemException.invalid("body", "at most " + MAX_SIMS_PER_REQUEST + " SIMs per import");
        }
        List<FieldError> errors = SimImportValidator.validate(rows);
        if (!errors.isEmpty()) {
            throw rejected(errors);
        }
        String[] iccids = new String[rows.size()];
        String[] imsis = new String[rows.size()];
        String[] msisdns = new String[rows.size()];
        String[] labels = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            SimImportRow row = rows.get(i);
            iccids[i] = Iccid.parse(row.iccid()).value();
            imsis[i] = Imsi.parse(row.imsi()).value();
            msisdns[i] = row.msisdn() == null ? null : Msisdn.parse(row.msisdn()).value();
            labels[i] = SimRows.toJson(row.labels()).encode();
        }
        return writes.inTransaction(actor, actor.allTenants(), (tx, note) -> tx.preparedQuery(FIND_EXISTING)
                        .execute(Tuple.tuple().addArrayOfString(iccids).addArrayOfString(imsis).addArrayOfString(msisdns))
                        .flatMap(existing -> {
                            if (existing.size() > 0) {
                                throw rejected(alreadyKnown(existing, iccids, imsis, msisdns));
                            }
                            return tx.preparedQuery(INSERT).execute(Tuple.tuple().addArrayOfString(iccids)
                                    .addArrayOfString(imsis).addArrayOfString(msisdns).addArrayOfString(labels));
                        }))
                .onFailure(PgErrors::isUniqueViolation).transform(e -> new ProblemException(ProblemType.CONFLICT,
                        "Some of these SIMs were imported by a concurrent request; retry to see which"))
                .map(done -> new StockChange(null, rows.size()));
    }

    public Uni<StockChange> assign(Actor actor, AssignRequest request) {
        boolean byList = request.iccids() != null;
        if (byList == (request.iccidRange() != null)) {
            throw ProblemException.invalid("iccids", "give either iccids or iccid_range, not both and not neither");
        }
        if (!byList && request.iccidRange().from().compareTo(request.iccidRange().to()) > 0) {
            throw ProblemException.invalid("iccid_range", "from must not be after to");
        }
        String[] iccids = byList ? values(request.iccids()) : null;
        TenantId tenant = request.tenantId();
        Actor onTenant = actor.actingFor(tenant);
        return writes.inTransaction(onTenant, onTenant.allTenants(), (tx, note) -> (byList
                        ? requireAllIn(tx, iccids, SimStatus.STOCK).map(ok -> iccids.length)
                        : tx.preparedQuery(COUNT_IN_RANGE)
                        .execute(Tuple.of(request.iccidRange().from(), request.iccidRange().to()))
                        .map(rows -> rows.iterator().next().getLong(0).intValue()))
                .call(count -> quota.reserve(tx, tenant, count))
                .flatMap(count -> {
                    if (count == 0) {
                        throw new ProblemException(ProblemType.SIMS_UNAVAILABLE, "No SIM in stock in the given range");
                    }
                    String where = byList ? "s.iccid = ANY($3::text[])" : "s.iccid BETWEEN $3 AND $4";
                    Tuple params = Tuple.of(tenant.value(), actor.subject());
                    if (byList) {
                        params.addArrayOfString(iccids);
                    } else {
                        params.addValue(request.iccidRange().from()).addValue(request.iccidRange().to());
                    }
                    return tx.preparedQuery(ASSIGN.formatted(where)).execute(params)
                            .map(rows -> movedCount(rows, count));
                }))
                .map(count -> new StockChange(tenant, count));
    }

    public Uni<StockChange> unassign(Actor actor, UnassignRequest request) {
        String[] iccids = values(request.iccids());
        return writes.inTransaction(actor, actor.allTenants(), (tx, note) -> requireAllIn(tx, iccids, SimStatus.READY)
                .flatMap(ok -> tx.preparedQuery(UNASSIGN).execute(Tuple.tuple().addArrayOfString(iccids)
                        .addValue(actor.subject())))
                .map(rows -> movedCount(rows, iccids.length)))
                .map(count -> new StockChange(null, count));
    }

    private Uni<Void> requireAllIn(SqlConnection tx, String[] iccids, SimStatus required) {
        return tx.preparedQuery(NOT_IN_STATE).execute(Tuple.tuple().addArrayOfString(iccids).addValue(required.dbValue()))
                .map(rows -> {
                    if (rows.size() > 0) {
                        List<Map<String, String>> offending = new ArrayList<>();
                        for (Row row : rows) {
                            Map<String, String> sim = new LinkedHashMap<>();
                            sim.put("iccid", row.getString("iccid"));
                            sim.put("status", row.getString("status") == null ? "unknown" : row.getString("status"));
                            offending.add(sim);
                        }
                        throw new ProblemException(ProblemType.SIMS_UNAVAILABLE,
                                "Every SIM must be " + required.dbValue() + "; " + rows.size()
                                        + (rows.size() == MAX_LISTED_ERRORS ? " or more are" : " are") + " not",
                                Map.of("sims", offending));
                    }
                    return null;
                });
    }

    private static String[] values(List<Iccid> iccids) {
        return Iccid.values(Iccid.distinct(iccids));
    }

    private static int movedCount(RowSet<Row> rows, int expected) {
        int moved = rows.iterator().next().getLong(0).intValue();
        if (moved != expected) {
            throw new ProblemException(ProblemType.CONFLICT, "Some SIMs changed state concurrently; nothing was changed");
        }
        return moved;
    }

    private static List<FieldError> alreadyKnown(Iterable<Row> existing, String[] iccids, String[] imsis,
                                                 String[] msisdns) {
        Map<String, Map<String, Integer>> rowOf = Map.of("iccid", index(iccids), "imsi", index(imsis),
                "msisdn", index(msisdns));
        List<FieldError> errors = new ArrayList<>();
        for (Row row : existing) {
            String field = row.getString("field");
            errors.add(new FieldError(rowOf.get(field).get(row.getString("value")), field, "already in the system"));
        }
        errors.sort(java.util.Comparator.comparing(FieldError::row));
        return errors;
    }

    private static Map<String, Integer> index(String[] values) {
        Map<String, Integer> index = new HashMap<>(values.length * 2);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                index.put(values[i], i + 1);
            }
        }
        return index;
    }

    private static ProblemException rejected(List<FieldError> errors) {
        return new ProblemException(ProblemType.IMPORT_REJECTED,
                errors.size() + " problems; nothing was imported",
                Map.of("error_count", errors.size(), "errors", errors.subList(0, Math.min(errors.size(), MAX_LISTED_ERRORS))));
    }
}
