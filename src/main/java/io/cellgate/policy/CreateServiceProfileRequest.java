package io.cellgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreateServiceProfileRequest(
        @NotBlank @Size(max = 100) @Schema(example = "pumps-eu") String name,
        @Size(max = 500) @Schema(example = "Water pumps in the EU: MQTT to our broker only") String description,
        @Schema(description = "Make it the tenant's default profile (the tenant's first profile always is)")
        Boolean isDefault,
        @Schema(implementation = PolicyDocument.class) JsonNode policy) {
}
