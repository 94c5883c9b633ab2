package io.cellgate.anomaly;

/** The rules the detector applies, by the names the contract gives them (rules' settings, anomaly.detected). */
public enum AnomalyRule {
    /** A data session from a device other than the one the SIM was last used in, on a SIM without an IMEI lock. */
    DEVICE_SWAP("device_swap"),
    /** Many refused access requests of one SIM within a short window. */
    AUTH_REJECT_BURST("auth_reject_burst"),
    /** A day's data usage far above the SIM's own baseline. */
    DATA_USAGE_SPIKE("data_usage_spike"),
    /** A data session from a radio access type the SIM is not expected to use. */
    UNEXPECTED_RAT_TYPE("unexpected_rat_type"),
    /** A data session to an APN the SIM is not expected to use. */
    UNEXPECTED_APN("unexpected_apn");

    private final String apiName;

    AnomalyRule(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }
}
