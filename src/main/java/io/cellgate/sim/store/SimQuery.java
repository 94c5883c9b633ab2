package io.cellgate.sim.store;

import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import io.cellgate.sim.SimFilter;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the WHERE clause of SIM queries with only the criteria given, so that PostgreSQL plans each shape on its
 * own indexes (a catch-all "$1 IS NULL OR ..." query would defeat them).
 */
public final class SimQuery {
    private final List<String> clauses = new ArrayList<>();
    private final Tuple params = Tuple.tuple();

    private SimQuery() {
    }

    /** A tenant's SIMs matching the filter (which may be null). */
    public static SimQuery forTenant(TenantId tenant, SimFilter filter) {
        return new SimQuery().eq("tenant_id", tenant.value()).matching(filter);
    }

    /** Carrier ops: SIMs of every tenant and in stock. */
    static SimQuery acrossTenants() {
        return new SimQuery();
    }

    SimQuery eq(String column, Object value) {
        if (value != null) {
            params.addValue(value);
            clauses.add(column + " = $" + params.size());
        }
        return this;
    }

    SimQuery matching(SimFilter filter) {
        if (filter == null) {
            return this;
        }
        eq("status", filter.status() == null ? null : filter.status().dbValue());
        if (filter.iccidPrefix() != null && !filter.iccidPrefix().isEmpty()) {
            // A range rather than LIKE: under row-level security only leakproof operators reach the index, and
            // LIKE is not one. ICCIDs are digits, and ':' sorts right after '9'.
            params.addValue(filter.iccidPrefix());
            clauses.add("iccid >= $" + params.size());
            params.addValue(filter.iccidPrefix() + ":");
            clauses.add("iccid < $" + params.size());
        }
        if (filter.labels() != null && !filter.labels().isEmpty()) {
            params.addValue(SimRows.toJson(filter.labels()));
            clauses.add("labels @> $" + params.size());
        }
        return this;
    }

    SimQuery after(Iccid iccid) {
        if (iccid != null) {
            params.addValue(iccid.value());
            clauses.add("iccid > $" + params.size());
        }
        return this;
    }

    /** The FROM and WHERE clauses that select the matching SIMs' ICCIDs as {@code target}, for a job. */
    public String fromWhere() {
        return "FROM (SELECT iccid AS target FROM sims" + where() + ") AS matching";
    }

    public Tuple params() {
        return params;
    }

    String where() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** Appends a final parameter (e.g. a LIMIT) and returns its placeholder. */
    String param(Object value) {
        params.addValue(value);
        return "$" + params.size();
    }
}
