package io.cellgate.support;

import io.cellgate.common.Actor;
import io.cellgate.common.DataScope;
import io.cellgate.common.Origin;
import io.cellgate.common.id.TenantId;
import java.util.List;

/** Actors for tests that work below the HTTP layer, and the data scopes they open. */
public final class TestActors {
    public static final Actor CARRIER_OPS = new Actor(Actor.Kind.CARRIER_OPS, "test-ops", null, List.of("carrier-ops"),
            true, Origin.system("test"));

    private TestActors() {
    }

    public static Actor tenantAdmin(String tenant) {
        return new Actor(Actor.Kind.TENANT_USER, "test-admin", TenantId.parse(tenant), List.of("tenant-admin"), true,
                Origin.system("test"));
    }

    public static DataScope allTenants() {
        return CARRIER_OPS.allTenants();
    }

    public static DataScope tenant(String tenant) {
        return tenantAdmin(tenant).scope();
    }
}
