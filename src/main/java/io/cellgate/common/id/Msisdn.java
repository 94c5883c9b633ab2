package io.cellgate.common.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A SIM's phone number in E.164, always kept with its leading '+' (input may leave it out). */
@Schema(name = "Msisdn", type = SchemaType.STRING, pattern = Msisdn.PATTERN, minLength = 8, maxLength = 16,
        example = "+4917012345678", description = "E.164 number with a leading +")
public final class Msisdn extends Identifier {
    public static final String PATTERN = "^\\+[1-9][0-9]{6,14}$";

    private Msisdn(String value, String error) {
        super(value, error);
    }

    @JsonCreator
    public static Msisdn parse(String value) {
        String error = error(value);
        return new Msisdn(error == null && !value.startsWith("+") ? "+" + value : value, error);
    }

    /** Why {@code value} is no E.164 number, or null when it is one. */
    public static String error(String value) {
        if (value == null || value.isEmpty()) {
            return "required";
        }
        String number = value.startsWith("+") ? value.substring(1) : value;
        return !number.startsWith("0") && digits(number, 7, 15) ? null : "must be an E.164 number, e.g. +491701234567";
    }
}
