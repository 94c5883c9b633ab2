package io.cellgate.tenant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Fields left out (or null) stay as they are; quotas merge field by field. */
public record UpdateTenantRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = "^.*\\S.*$", message = "must not be blank")
        @Schema(example = "ACME Logistics GmbH") String name,
        TenantStatus status,
        @Valid TenantQuotas quotas) {
}
