package io.cellgate.identity;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreateServiceAccountRequest(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,39}", message = "3-40 lowercase letters, digits or '-'")
        @Schema(example = "billing-sync") String name,
        @NotEmpty @Schema(example = "[\"tenant-viewer\"]") List<@NotNull TenantRole> roles) {
}
