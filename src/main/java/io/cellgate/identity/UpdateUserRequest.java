package io.cellgate.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Left-out fields stay as they are. */
public record UpdateUserRequest(
        @Size(min = 1, max = 3) @Schema(description = "The user's new set of roles", example = "[\"tenant-viewer\"]")
        List<@NotNull TenantRole> roles,
        @Schema(description = "false disables the user: no new logins, tokens stop at expiry") Boolean enabled) {
}
