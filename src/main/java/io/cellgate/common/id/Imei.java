package io.cellgate.common.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A device identity: an IMEI (15 digits: TAC, serial and a Luhn check digit) or an IMEISV (16 digits: TAC, serial and
 * a software version, as the network reports it). Two identities name the same device when their TAC and serial, the
 * first 14 digits, are equal: a software update changes the IMEISV, not the device.
 */
@Schema(name = "Imei", type = SchemaType.STRING, pattern = Imei.PATTERN, minLength = 15, maxLength = 16,
        example = "356938035643809", description = "IMEI (15 digits, Luhn) or IMEISV (16 digits)")
public final class Imei extends Identifier {
    public static final String PATTERN = "^[0-9]{15,16}$";

    private Imei(String value) {
        super(value, error(value));
    }

    @JsonCreator
    public static Imei parse(String value) {
        return new Imei(value);
    }

    /** Why {@code value} is neither an IMEI nor an IMEISV, or null when it is one. */
    public static String error(String value) {
        if (value == null || value.isEmpty()) {
            return "required";
        }
        if (!digits(value, 15, 16)) {
            return "must be 15 digits (IMEI) or 16 digits (IMEISV)";
        }
        return value.length() == 16 || Luhn.valid(value) ? null : "Luhn check digit is wrong";
    }

    /** The Type Allocation Code and the serial number: what identifies the device. */
    public String tacAndSerial() {
        return value().substring(0, 14);
    }

    public boolean sameDevice(Imei other) {
        return tacAndSerial().equals(other.tacAndSerial());
    }

    /** The device's 15-digit IMEI: itself, or for an IMEISV its TAC and serial with their check digit. */
    public Imei withoutSoftwareVersion() {
        return isSoftwareVersion() ? parse(tacAndSerial() + Luhn.checkDigit(tacAndSerial())) : this;
    }

    /** A 16-digit IMEISV, which carries a software version where an IMEI has its check digit. */
    public boolean isSoftwareVersion() {
        return value().length() == 16;
    }
}
