package io.cellgate.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One event, as listed, streamed and delivered to webhooks (the body of a delivery is exactly this object).
 *
 * @param sequence the SIM's event number at its tenant: 1, 2, 3... in commit order, without gaps, so that a consumer
 *                 sees when it missed one
 */
@Schema(name = "Event", description = "Something that happened to the tenant's SIMs or jobs, in the transaction that"
        + " changed it. The schema of data depends on type")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventView(
        @Schema(description = "Stable id: the same in the list, the stream and every delivery (webhook-id)",
                required = true) UUID id,
        @Schema(required = true) EventType type,
        @Schema(description = "When it happened (the time of the transaction that made it)", required = true)
        Instant timestamp,
        @Schema(required = true) TenantId tenantId,
        @Schema(description = "The SIM it concerns; absent for events of no SIM (job.completed,"
                + " tenant.quota_breached, webhook.*)") Iccid iccid,
        @Schema(description = "The SIM's event number at the tenant, from 1, in commit order without gaps; absent"
                + " with iccid", minimum = "1", maximum = "9223372036854775807") Long sequence,
        @Schema(required = true, description = "What happened; its schema is named after the type"
                + " (sim.status_changed: SimStatusChangedData, ...; the session events share SessionEventData)",
                anyOf = {EventData.SimStatusChanged.class, EventData.SimPolicyChanged.class,
                        EventData.SimIpChanged.class, EventData.SimImeiLocked.class, EventData.ImeiMismatch.class,
                        EventData.Session.class, EventData.AuthRejected.class, EventData.UsageLimitWarning.class,
                        EventData.UsageLimitReached.class, EventData.JobCompleted.class,
                        EventData.TenantQuotaBreached.class, EventData.WebhookTest.class,
                        EventData.WebhookDisabled.class})
        Map<String, Object> data) {
}
