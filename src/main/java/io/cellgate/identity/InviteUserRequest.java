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
        @NotNull @Pattern(regexp = USERNAME, message = "3-64 lowercase letters, digits, '.', '_' or '-'")
        @Size(max = 64) @Schema(example = "jane.ops") String username,
        @NotBlank @Email @Size(max = 254) @Schema(example = "jane@acme.example") String email,
        @Size(max = 100) @Pattern(regexp = PERSON_NAME, message = PERSON_NAME_RULE) @Schema(example = "Jane")
        String firstName,
        @Size(max = 100) @Pattern(regexp = PERSON_NAME, message = PERSON_NAME_RULE) @Schema(example = "Doe")
        String lastName,
        @NotEmpty @Size(max = 3) @Schema(example = "[\"tenant-operator\"]") List<@NotNull TenantRole> roles) {

    static final String USERNAME = "^[a-z0-9][a-z0-9._-]{2,63}$";
    /** The identity provider's rule for person names: none of these characters. */
    static final String PERSON_NAME = "^[^<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()\\x00-\\x1F\\x7F]*$";
    static final String PERSON_NAME_RULE = "must not contain any of < > & \" $ % ! # ? § ; * ~ / \\ | ^ = [ ] { } ( )";
}
