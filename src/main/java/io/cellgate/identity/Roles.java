package io.cellgate.identity;

/** Realm roles of the identity provider. */
public final class Roles {
    public static final String CARRIER_OPS = "carrier-ops";
    public static final String TENANT_ADMIN = "tenant-admin";
    public static final String TENANT_OPERATOR = "tenant-operator";
    public static final String TENANT_VIEWER = "tenant-viewer";

    private Roles() {
    }
}
