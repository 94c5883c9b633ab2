package io.cellgate.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.web.OpenApiContract;
import io.cellgate.policy.PolicyDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SimUsage", description = "A SIM's usage in one period, and each of its monthly limits with what is left")
public record SimUsageView(
        Iccid iccid,
        @Schema(description = Period.NAME, example = "2026-12", pattern = Period.PATTERN, maxLength = 7) String period,
        @Schema(description = Period.START, example = "2026-12-01", maxLength = 10,
                pattern = OpenApiContract.DATE_PATTERN) LocalDate periodStart,
        @Schema(description = Period.END, example = "2027-01-01", maxLength = 10,
                pattern = OpenApiContract.DATE_PATTERN) LocalDate periodEnd,
        UsageCounters usage,
        Limits limits) {

    @Schema(name = "UsageLimits", description = "The SIM's limits as its policy sets them now; absent: no limit")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Limits(Limit dataBytes, Limit smsCount, Limit voiceSeconds) {
    }

    @Schema(name = "UsageLimitState")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Limit(
            @Schema(example = "50000000", minimum = "0", maximum = "1000000000000000") long limit,
            @Schema(example = "5242880", minimum = "0", maximum = "9223372036854775807") long used,
            @Schema(description = "What is left; 0 once the limit is reached", example = "44757120", minimum = "0",
                    maximum = "1000000000000000")
            long remaining,
            @Schema(enumeration = {"block", "throttle"}, example = "block") String action,
            @Schema(description = "Warning thresholds (percent) crossed and recorded in this period",
                    maxItems = 100, type = SchemaType.ARRAY, implementation = PolicyDocument.Percent.class)
            List<Integer> warnedPercent,
            @Schema(description = "When the limit was reached in this period") Instant reachedAt) {
    }
}
