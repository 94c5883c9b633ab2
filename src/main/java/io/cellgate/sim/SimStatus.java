package io.cellgate.sim;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a SIM is in its life: in the provider's stock, with a tenant (ready/active/suspended), or terminated (final). */
public enum SimStatus {
    @JsonProperty("stock") STOCK,
    @JsonProperty("ready") READY,
    @JsonProperty("active") ACTIVE,
    @JsonProperty("suspended") SUSPENDED,
    @JsonProperty("terminated") TERMINATED;

    public String dbValue() {
        return name().toLowerCase();
    }

    public static SimStatus fromDb(String value) {
        return valueOf(value.toUpperCase());
    }
}
