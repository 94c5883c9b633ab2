package io.cellgate.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record InviteUserRequest(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}", message = "3-64 lowercase letters, digits, '.', '_' or '-'")
        @Schema(example = "jane.ops") String username,
        @NotBlank @Email @Schema(example = "jane@acme.example") String email,
        @Size(max = 100) @Schema(example = "Jane") String firstName,
        @Size(max = 100) @Schema(example = "Doe") String lastName,
        @NotEmpty @Schema(example = "[\"tenant-operator\"]") List<@NotNull TenantRole> roles) {
}
