package io.cellgate.network.decision;

/**
 * Why the network refuses a SIM a service. The code is stable: it is the Reply-Message of an Access-Reject, the reason
 * of an auth event, the label of the rejects metric (and, for online charging, maps to its result code).
 */
public enum RejectReason {
    UNKNOWN_SIM("unknown_sim", "no SIM of a tenant has this IMSI"),
    TENANT_SUSPENDED("tenant_suspended", "the SIM's tenant is suspended"),
    SIM_NOT_ACTIVE("sim_not_active", "the SIM is not active (ready, suspended or terminated)"),
    DATA_DISABLED("data_disabled", "data is disabled in the SIM's policy"),
    APN_NOT_ALLOWED("apn_not_allowed", "the APN is not in the SIM's allowed APNs"),
    IMEI_MISSING("imei_missing", "the SIM is IMEI-locked and the request carries no 3GPP-IMEISV"),
    IMEI_MISMATCH("imei_mismatch", "the device is not the one the SIM is locked to"),
    DATA_LIMIT_REACHED("data_limit_reached", "the SIM's monthly data limit is reached"),
    POLICY_TOO_LARGE("policy_too_large", "the SIM's destination allow-list does not fit in a RADIUS packet");

    private final String code;
    private final String meaning;

    RejectReason(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
