package io.cellgate.usage;

import io.cellgate.common.Cursor;
import io.cellgate.common.PageRequest;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.web.OpenApiContract;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TenantUsage", description = "The tenant's usage in one period: the total, and a page of its SIMs' usage"
        + " (SIMs with any usage in the period, by ICCID)")
public record TenantUsageView(
        @Schema(description = Period.NAME, example = "2026-12", pattern = Period.PATTERN, maxLength = 7) String period,
        @Schema(description = Period.START, example = "2026-12-01", maxLength = 10,
                pattern = OpenApiContract.DATE_PATTERN) LocalDate periodStart,
        @Schema(description = Period.END, example = "2027-01-01", maxLength = 10,
                pattern = OpenApiContract.DATE_PATTERN) LocalDate periodEnd,
        UsageCounters total,
        @Schema(maxItems = PageRequest.MAX_LIMIT) List<SimCounters> items,
        @Schema(description = "Pass as cursor for the next page; null on the last page", maxLength = Cursor.MAX_LENGTH,
                pattern = Cursor.PATTERN) String nextCursor) {

    @Schema(name = "SimUsageCounters")
    public record SimCounters(Iccid iccid, UsageCounters usage) {
    }
}
