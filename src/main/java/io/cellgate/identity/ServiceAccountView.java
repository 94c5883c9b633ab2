package io.cellgate.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ServiceAccount", description = "Credentials for a tenant's backend: OAuth 2.0 client credentials")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceAccountView(
        @Schema(description = "Id of the service account", example = "7d9f1e3a-2b4c-4d5e-8f6a-1b2c3d4e5f60",
                format = "uuid", maxLength = 36) String id,
        @Schema(example = "billing-sync", pattern = CreateServiceAccountRequest.NAME, maxLength = 40) String name,
        @Schema(description = "client_id for the token request", example = "sa-acme-billing-sync", maxLength = 110)
        String clientId,
        @Schema(maxItems = 3) List<TenantRole> roles,
        @Schema(description = "The client secret: only in the answer that creates or rotates it; store it now",
                maxLength = 255)
        String secret) {
}
