package io.cellgate.network.smpp;

import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;

/**
 * Addresses as SMPP carries them (SMPP 3.4, 5.2.5 and 5.2.6): an E.164 number without its '+', as an international
 * ISDN number; a short code as a network-specific number; an alphanumeric sender as such.
 */
final class SmppAddresses {
    static final int INTERNATIONAL = 1;

    record Address(TypeOfNumber ton, NumberingPlanIndicator npi, String digits) {
    }

    private SmppAddresses() {
    }

    static Address of(String address) {
        if (address.startsWith("+")) {
            return new Address(TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, address.substring(1));
        }
        if (address.chars().allMatch(Character::isDigit)) {
            return new Address(TypeOfNumber.NETWORK_SPECIFIC, NumberingPlanIndicator.UNKNOWN, address);
        }
        return new Address(TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, address);
    }
}
