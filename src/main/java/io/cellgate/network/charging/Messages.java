package io.cellgate.network.charging;

import io.cellgate.common.id.Imsi;
import io.cellgate.network.charging.ChargingRequest.Sms;

/** Which side of an SMS the charged SIM is, and who is on the other. */
final class Messages {
    private Messages() {
    }

    /** The SIM sends it (MO) when it is the originator; else it receives it (MT). */
    static boolean sentBy(Sms sms, Imsi subscriber) {
        return ("imsi-" + subscriber.value()).equals(sms.originatorSupi());
    }

    static String counterpart(Sms sms, boolean mo) {
        return mo ? sms.recipientAddress() : sms.originatorAddress();
    }
}
