package io.cellgate.tenant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Fields left out (or null) stay as they are; quotas merge field by field. */
public record UpdateTenantRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = "^.*\\S.*$", message = "must not be blank")
        @Schema(example = "ACME Logistics GmbH") String name,
        TenantStatus status,
        @Valid TenantQuotas quotas,
        @Min(1) @Max(28) @Schema(description = BILLING_DAY, example = "1", minimum = "1", maximum = "28")
        Integer billingDay,
        @Schema(description = TenantView.WEBHOOKS_ALLOW_HTTP) Boolean webhooksAllowHttp,
        @Size(max = 10) @Schema(description = TenantView.SMS_ADDRESSES + ". Given: replaces the list")
        List<@NotNull @Size(min = 1, max = 16) @Pattern(regexp = SmsAddresses.PATTERN, message = SmsAddresses.RULE)
                String> smsAddresses) {

    static final String BILLING_DAY = "The day of the month (1-28) on which the tenant's usage periods start, at"
            + " 00:00 UTC; monthly limits apply per period. Default 1: the calendar month. Changing it starts the"
            + " current period anew from that day";
}
