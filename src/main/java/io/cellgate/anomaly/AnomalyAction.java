package io.cellgate.anomaly;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What Cellgate does when a rule raises an anomaly, beyond the anomaly.detected event it always writes. */
public enum AnomalyAction {
    /** The event only. */
    @JsonProperty("notify") NOTIFY("notify"),
    /** The event, and the SIM is suspended, as the anomaly detector (audited, and said in the event). */
    @JsonProperty("suspend") SUSPEND("suspend");

    private final String apiName;

    AnomalyAction(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }
}
