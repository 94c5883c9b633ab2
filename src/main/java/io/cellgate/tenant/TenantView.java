package io.cellgate.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cellgate.common.id.TenantId;
import io.cellgate.identity.TenantUserView;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Tenant")
public record TenantView(
        TenantId id,
        @Schema(example = "ACME Logistics", maxLength = 200) String name,
        TenantStatus status,
        TenantQuotas quotas,
        @Schema(description = "The day of the month (1-28) on which the tenant's usage periods start, at 00:00 UTC",
                example = "1", minimum = "1", maximum = "28") int billingDay,
        @Schema(description = WEBHOOKS_ALLOW_HTTP) boolean webhooksAllowHttp,
        @Schema(description = SMS_ADDRESSES, maxItems = 10, type = SchemaType.ARRAY,
                implementation = SmsAddress.class) List<String> smsAddresses,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only in the answer that creates the tenant with a first admin: that user, with a"
                + " one-time password") TenantUserView firstAdmin) {

    TenantView withFirstAdmin(TenantUserView admin) {
        return new TenantView(id, name, status, quotas, billingDay, webhooksAllowHttp, smsAddresses, createdAt, updatedAt,
                admin);
    }

    /** The schema of one SMS address. */
    @Schema(name = "SmsAddress", type = SchemaType.STRING, maxLength = 16, pattern = SmsAddresses.PATTERN,
            example = "ACME")
    interface SmsAddress {
    }

    static final String SMS_ADDRESSES = "The tenant's A2P SMS addresses (a long number with +, a short code, or an"
            + " alphanumeric sender of up to 11 characters): its messages are sent from them (the first by default),"
            + " and its devices' replies to them arrive as sms.received. Each belongs to one tenant";

    static final String WEBHOOKS_ALLOW_HTTP = "Whether the tenant's webhooks may use plain http (a test bench, a"
            + " private link); https only otherwise. Default false";
}
