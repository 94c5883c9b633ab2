package io.cellgate.sim;

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

    static SimQuery forTenant(String tenantId, SimFilter filter) {
        return new SimQuery().eq("tenant_id", java.util.Objects.requireNonNull(tenantId)).matching(filter);
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
            params.addValue(filter.iccidPrefix() + "%");
            clauses.add("iccid LIKE $" + params.size());
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

    Tuple params() {
        return params;
    }

    /** Appends a final parameter (e.g. a LIMIT) and returns its placeholder. */
    String param(Object value) {
        params.addValue(value);
        return "$" + params.size();
    }
}
