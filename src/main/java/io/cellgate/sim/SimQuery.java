package io.cellgate.sim;

import io.cellgate.common.DataScope;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the WHERE clause of SIM queries with only the criteria given, so that PostgreSQL plans each shape on its
 * own indexes (a catch-all "$1 IS NULL OR ..." query would defeat them).
 */
final class SimQuery {
    private final List<String> clauses = new ArrayList<>();
    private final Tuple params = Tuple.tuple();
    private final DataScope scope;

    private SimQuery(DataScope scope) {
        this.scope = scope;
    }

    static SimQuery forTenant(String tenantId, SimFilter filter) {
        return new SimQuery(DataScope.tenant(tenantId)).eq("tenant_id", tenantId).matching(filter);
    }

    /** Carrier ops: SIMs of every tenant and in stock. */
    static SimQuery acrossTenants() {
        return new SimQuery(DataScope.ALL_TENANTS);
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

    SimQuery after(String iccid) {
        if (iccid != null) {
            params.addValue(iccid);
            clauses.add("iccid > $" + params.size());
        }
        return this;
    }

    String where() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    DataScope scope() {
        return scope;
    }

    Tuple params() {
        return params;
    }

    /** Appends a final parameter (e.g. a LIMIT) and returns its placeholder. */
    String param(Object value) {
        params.addValue(value);
        return "$" + params.size();
    }
}
