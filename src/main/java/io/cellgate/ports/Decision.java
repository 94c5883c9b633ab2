package io.cellgate.ports;

import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.Imsi;
import io.cellgate.common.id.Msisdn;
import io.cellgate.common.id.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the network plane decides from: one SIM's row of the decision view. */
@Schema(name = "Decision", description = "The network plane's view of one SIM: state, tenant state, effective policy,"
        + " IMEI lock and static IP")
public record Decision(
        Iccid iccid,
        Imsi imsi,
        Msisdn msisdn,
        TenantId tenantId,
        @Schema(example = "active", enumeration = {"ready", "active", "suspended", "terminated"}) String simStatus,
        @Schema(example = "active", enumeration = {"active", "suspended"}) String tenantStatus,
        UUID profileId,
        @Schema(ref = "Policy", description = "The effective policy") Map<String, Object> policy,
        @Schema(example = "locked", enumeration = {"off", "locked", "lock_on_first_use"}) String imeiLockMode,
        @Schema(example = "356938035643809", pattern = "^[0-9]{15}$", maxLength = 15) String imei,
        @Schema(example = "10.20.0.1", pattern = "^[0-9]{1,3}(\\.[0-9]{1,3}){3}$", maxLength = 15) String staticIp,
        Instant updatedAt,
        @Schema(description = "Data used in the current period when the row was read, in bytes",
                example = "1048576", minimum = "0", maximum = "9223372036854775807") long dataBytesUsed,
        @Schema(description = "The first day of that period, as the database's clock had it when the row was read",
                example = "2026-12-01", maxLength = 10, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
        LocalDate usagePeriodStart,
        @Schema(description = "The tenant's billing day: its usage periods start on this day of each month at 00:00"
                + " UTC (1: the calendar month)", example = "1", minimum = "1", maximum = "28") int billingDay) {
}
