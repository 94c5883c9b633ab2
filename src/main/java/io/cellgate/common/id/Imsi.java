package io.cellgate.common.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscriber's IMSI (E.212): 15 digits, the name the network knows a SIM by. */
@Schema(name = "Imsi", type = SchemaType.STRING, pattern = Imsi.PATTERN, minLength = 15, maxLength = 15,
        example = "262011234567890", description = "IMSI: 15 digits (MCC, MNC, subscriber number)")
public final class Imsi extends Identifier implements SimKey {
    public static final String PATTERN = "^[0-9]{15}$";

    private Imsi(String value) {
        super(value, error(value));
    }

    @JsonCreator
    public static Imsi parse(String value) {
        return new Imsi(value);
    }

    /** Why {@code value} is no IMSI, or null when it is one. */
    public static String error(String value) {
        if (value == null || value.isEmpty()) {
            return "required";
        }
        return digits(value, 15, 15) ? null : "must be 15 digits";
    }
}
