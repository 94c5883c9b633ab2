package io.cellgate.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an event says happened. The name is stable and part of the contract; each type's {@code data} has the schema of
 * {@link #data}. The database writes them (R__events.sql), in the transaction of the change.
 */
public enum EventType {
    @JsonProperty("sim.status_changed") SIM_STATUS_CHANGED("sim.status_changed", EventData.SimStatusChanged.class),
    @JsonProperty("sim.policy_changed") SIM_POLICY_CHANGED("sim.policy_changed", EventData.SimPolicyChanged.class),
    @JsonProperty("sim.ip_changed") SIM_IP_CHANGED("sim.ip_changed", EventData.SimIpChanged.class),
    @JsonProperty("sim.imei_locked") SIM_IMEI_LOCKED("sim.imei_locked", EventData.SimImeiLocked.class),
    @JsonProperty("imei.mismatch") IMEI_MISMATCH("imei.mismatch", EventData.ImeiMismatch.class),
    @JsonProperty("session.started") SESSION_STARTED("session.started", EventData.Session.class),
    @JsonProperty("session.stopped") SESSION_STOPPED("session.stopped", EventData.Session.class),
    @JsonProperty("session.disconnected") SESSION_DISCONNECTED("session.disconnected", EventData.Session.class),
    @JsonProperty("auth.rejected") AUTH_REJECTED("auth.rejected", EventData.AuthRejected.class),
    @JsonProperty("usage.limit_warning") USAGE_LIMIT_WARNING("usage.limit_warning", EventData.UsageLimitWarning.class),
    @JsonProperty("usage.limit_reached") USAGE_LIMIT_REACHED("usage.limit_reached", EventData.UsageLimitReached.class),
    @JsonProperty("job.completed") JOB_COMPLETED("job.completed", EventData.JobCompleted.class),
    @JsonProperty("tenant.quota_breached") TENANT_QUOTA_BREACHED("tenant.quota_breached",
            EventData.TenantQuotaBreached.class),
    @JsonProperty("webhook.test") WEBHOOK_TEST("webhook.test", EventData.WebhookTest.class),
    @JsonProperty("webhook.disabled") WEBHOOK_DISABLED("webhook.disabled", EventData.WebhookDisabled.class),
    @JsonProperty("anomaly.detected") ANOMALY_DETECTED("anomaly.detected", EventData.AnomalyDetected.class),
    @JsonProperty("sms.status_changed") SMS_STATUS_CHANGED("sms.status_changed", EventData.SmsStatusChanged.class),
    @JsonProperty("sms.received") SMS_RECEIVED("sms.received", EventData.SmsFromDevice.class),
    @JsonProperty("sms.blocked") SMS_BLOCKED("sms.blocked", EventData.SmsFromDevice.class),
    @JsonProperty("sms.incomplete") SMS_INCOMPLETE("sms.incomplete", EventData.SmsIncomplete.class),
    @JsonProperty("charging.denied") CHARGING_DENIED("charging.denied", EventData.ChargingDenied.class);

    private final String apiName;
    private final Class<? extends EventData> data;

    EventType(String apiName, Class<? extends EventData> data) {
        this.apiName = apiName;
        this.data = data;
    }

    public String apiName() {
        return apiName;
    }

    /** The record whose schema documents this type's data. */
    public Class<? extends EventData> data() {
        return data;
    }

    public static EventType fromApiName(String name) {
        for (EventType type : values()) {
            if (type.apiName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("no event type " + name);
    }
}
