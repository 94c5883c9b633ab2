package io.cellgate.identity;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The roles a tenant admin may give to people and machines of the tenant. carrier-ops is deliberately not one. */
public enum TenantRole {
    @JsonProperty(Roles.TENANT_ADMIN) TENANT_ADMIN(Roles.TENANT_ADMIN),
    @JsonProperty(Roles.TENANT_OPERATOR) TENANT_OPERATOR(Roles.TENANT_OPERATOR),
    @JsonProperty(Roles.TENANT_VIEWER) TENANT_VIEWER(Roles.TENANT_VIEWER);

    private final String realmRole;

    TenantRole(String realmRole) {
        this.realmRole = realmRole;
    }

    public String realmRole() {
        return realmRole;
    }

    public static TenantRole fromRealmRole(String role) {
        for (TenantRole candidate : values()) {
            if (candidate.realmRole.equals(role)) {
                return candidate;
            }
        }
        return null;
    }
}
