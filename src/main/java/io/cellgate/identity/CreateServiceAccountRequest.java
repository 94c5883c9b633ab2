package io.cellgate.identity;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreateServiceAccountRequest(
        @NotNull @Pattern(regexp = NAME, message = "3-40 lowercase letters, digits or '-'") @Size(max = 40)
        @Schema(example = "billing-sync") String name,
        @NotEmpty @Size(max = 3) @Schema(example = "[\"tenant-viewer\"]") List<@NotNull TenantRole> roles) {

    static final String NAME = "^[a-z0-9][a-z0-9-]{2,39}$";
}
