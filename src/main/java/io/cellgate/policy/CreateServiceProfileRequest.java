package io.cellgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreateServiceProfileRequest(
        @NotBlank @Size(max = ServiceProfileService.MAX_NAME) @Schema(example = "pumps-eu") String name,
        @Size(max = ServiceProfileService.MAX_DESCRIPTION) @Schema(example = "Water pumps in the EU: MQTT to our broker only") String description,
        @Schema(description = "Make it the tenant's default profile, which SIMs without a profile of their own follow"
                + " (default: false; a tenant without a default profile gives those SIMs the built-in defaults)")
        Boolean isDefault,
        @Schema(implementation = PolicyDocument.class) JsonNode policy) {
}
