package io.cellgate.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cellgate.common.id.TenantId;
import io.cellgate.identity.TenantUserView;
import java.time.Instant;
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
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only in the answer that creates the tenant with a first admin: that user, with a"
                + " one-time password") TenantUserView firstAdmin) {

    TenantView withFirstAdmin(TenantUserView admin) {
        return new TenantView(id, name, status, quotas, billingDay, webhooksAllowHttp, createdAt, updatedAt, admin);
    }

    static final String WEBHOOKS_ALLOW_HTTP = "Whether the tenant's webhooks may use plain http (a test bench, a"
            + " private link); https only otherwise. Default false";
}
