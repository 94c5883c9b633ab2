package io.cellgate.common.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A SIM's ICCID (E.118): 19 or 20 digits, the last a Luhn check digit. */
@Schema(name = "Iccid", type = SchemaType.STRING, pattern = Iccid.PATTERN, minLength = 19, maxLength = 20,
        example = "89490200001234567894", description = "E.118 ICCID: 19 or 20 digits, the last a Luhn check digit")
public final class Iccid extends Identifier implements SimKey, Comparable<Iccid> {
    public static final String PATTERN = "^[0-9]{19,20}$";

    private Iccid(String value) {
        super(value, error(value));
    }

    @JsonCreator
    public static Iccid parse(String value) {
        return new Iccid(value);
    }

    /** Why {@code value} is no ICCID, or null when it is one. */
    public static String error(String value) {
        if (value == null || value.isEmpty()) {
            return "required";
        }
        if (!digits(value, 19, 20)) {
            return "must be 19 or 20 digits";
        }
        return Luhn.valid(value) ? null : "Luhn check digit is wrong";
    }

    /** Distinct ICCIDs, in their order: a list may name a SIM twice, the SIM is still one. */
    public static List<Iccid> distinct(List<Iccid> iccids) {
        return List.copyOf(new LinkedHashSet<>(iccids));
    }

    /** The ICCIDs as text, for a query parameter of type text[]. */
    public static String[] values(Collection<Iccid> iccids) {
        return iccids.stream().map(Iccid::value).toArray(String[]::new);
    }

    @Override
    public int compareTo(Iccid other) {
        return value().compareTo(other.value());
    }
}
