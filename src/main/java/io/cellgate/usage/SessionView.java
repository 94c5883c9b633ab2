package io.cellgate.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DataSession", description = "A data session as the packet gateway accounted it")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(
        UUID id,
        Iccid iccid,
        TenantId tenantId,
        @Schema(description = "The NAS client that accounted it (its name then)", example = "pgw-fra-1", maxLength = 63) String nasName,
        @Schema(description = "Acct-Session-Id", maxLength = 253, example = "4f2a9c01") String acctSessionId,
        @Schema(example = "10.20.0.1", maxLength = 45) String framedIp,
        @Schema(description = "The device's IMEI or IMEISV as reported", maxLength = 16, example = "3569380356438091")
        String imei,
        @Schema(example = "iot.cellgate", maxLength = 100) String apn,
        boolean live,
        Instant startedAt,
        @Schema(description = "The last accounting report") Instant updatedAt,
        Instant stoppedAt,
        @Schema(description = "stop (with the NAS's Acct-Terminate-Cause as stop:<n>), stale when reports stopped,"
                + " nas_restart when the NAS sent Accounting-On or -Off",
                example = "stop:1", maxLength = 20) String stopCause,
        @Schema(description = "Bytes sent by the device in this session", minimum = "0",
                maximum = "9223372036854775807") long dataBytesUp,
        @Schema(description = "Bytes received by the device in this session", minimum = "0",
                maximum = "9223372036854775807") long dataBytesDown,
        @Schema(description = "The last disconnect Cellgate sent: reason (a reject reason, or throttle_lifted: the"
                + " session was slowed at a limit that no longer holds, so that the device comes back at full rate),"
                + " state (sending, ack, nak, timeout, no_nas_client), attempts, error_cause (RFC 5176) and time",
                example = "{\"reason\": \"data_limit_reached\", \"state\": \"ack\", \"attempts\": 1}")
        Map<String, Object> disconnect,
        @Schema(description = "The last CoA-Request Cellgate sent to slow the session down at a data limit whose"
                + " action is throttle: reason, kbps, state (as for disconnect), attempts, error_cause and time",
                example = "{\"reason\": \"data_limit_reached\", \"kbps\": 64, \"state\": \"ack\", \"attempts\": 1}")
        Map<String, Object> throttle) {
}
