package io.cellgate.tenant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An active tenant works normally; a suspended tenant can read its data but change nothing. */
public enum TenantStatus {
    @JsonProperty("active") ACTIVE,
    @JsonProperty("suspended") SUSPENDED;

    public String dbValue() {
        return name().toLowerCase();
    }

    public static TenantStatus fromDb(String value) {
        return valueOf(value.toUpperCase());
    }
}
