package io.cellgate.tenant;

public final class TenantIds {
    public static final String PATTERN = "^[a-z][a-z0-9-]{1,62}$";

    private TenantIds() {
    }
}
