package io.cellgate.common.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's id: an immutable slug chosen by carrier ops, carried as the tenant claim of access tokens. */
@Schema(name = "TenantId", type = SchemaType.STRING, pattern = TenantId.PATTERN, minLength = 2, maxLength = 63,
        example = "acme", description = "Tenant slug: a lowercase letter, then 1-62 lowercase letters, digits or '-'")
public final class TenantId extends Identifier {
    public static final String PATTERN = "^[a-z][a-z0-9-]{1,62}$";
    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile(PATTERN);

    private TenantId(String value) {
        super(value, error(value));
    }

    @JsonCreator
    public static TenantId parse(String value) {
        return new TenantId(value);
    }

    /** Why {@code value} is no tenant id, or null when it is one. */
    public static String error(String value) {
        if (value == null || value.isEmpty()) {
            return "required";
        }
        return SHAPE.matcher(value).matches() ? null : "must match " + PATTERN;
    }
}
