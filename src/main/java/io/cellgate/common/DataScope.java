package io.cellgate.common;

import java.util.Objects;

/**
 * Whose rows a database transaction may see: one tenant's, or every tenant's. Row-level security in PostgreSQL
 * enforces it beneath the service's own filters (see {@link ScopedDatabase}).
 */
public record DataScope(String tenantId) {
    /** Carrier ops and background work that spans tenants. Only carrier-ops requests may open it. */
    public static final DataScope ALL_TENANTS = new DataScope(null);

    private static final String ALL_TENANTS_SETTING = "*";

    public static DataScope tenant(String tenantId) {
        return new DataScope(Objects.requireNonNull(tenantId, "tenantId"));
    }

    /** For services shared by tenant and carrier-ops endpoints, where a null tenant means "any tenant". */
    public static DataScope tenantOrAll(String tenantIdOrNull) {
        return tenantIdOrNull == null ? ALL_TENANTS : tenant(tenantIdOrNull);
    }

    public boolean allTenants() {
        return tenantId == null;
    }

    /** The value of the cellgate.tenant setting that the row-level security policies read. */
    String setting() {
        return allTenants() ? ALL_TENANTS_SETTING : tenantId;
    }
}
