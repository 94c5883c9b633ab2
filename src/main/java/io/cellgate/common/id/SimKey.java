package io.cellgate.common.id;

/** How a SIM is named from outside: by its IMSI (the network's name) or its ICCID (the card's). */
public sealed interface SimKey permits Iccid, Imsi {
    String value();

    /** 15 digits are an IMSI, anything else must be an ICCID. */
    static SimKey parse(String value) {
        return value != null && value.length() == 15 ? Imsi.parse(value) : Iccid.parse(value);
    }
}
