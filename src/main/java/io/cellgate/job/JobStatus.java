package io.cellgate.job;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum JobStatus {
    @JsonProperty("queued") QUEUED,
    @JsonProperty("running") RUNNING,
    @JsonProperty("completed") COMPLETED;

    public String dbValue() {
        return name().toLowerCase();
    }

    public static JobStatus fromDb(String value) {
        return valueOf(value.toUpperCase());
    }
}
