package io.cellgate.common;

import io.cellgate.common.id.TenantId;

/**
 * Whose rows a database transaction may see: one tenant's, or every tenant's. Row-level security in PostgreSQL
 * enforces it beneath the service's own filters. Only an {@link Actor} makes scopes, and only the ones it may open, so
 * code cannot reach into data its actor may not see.
 */
public final class DataScope {
    static final DataScope ALL_TENANTS = new DataScope(null);
    private static final String ALL_TENANTS_SETTING = "*";

    private final TenantId tenant;

    DataScope(TenantId tenant) {
        this.tenant = tenant;
    }

    /** The one tenant whose rows are visible, or null for all tenants. */
    public TenantId tenant() {
        return tenant;
    }

    public boolean allTenants() {
        return tenant == null;
    }

    /** The value of the cellgate.tenant setting that the row-level security policies read. */
    public String setting() {
        return allTenants() ? ALL_TENANTS_SETTING : tenant.value();
    }

    @Override
    public String toString() {
        return allTenants() ? "all tenants" : "tenant " + tenant;
    }
}
