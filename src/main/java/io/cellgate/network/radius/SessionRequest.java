package io.cellgate.network.radius;

import io.cellgate.common.id.Imei;
import io.cellgate.common.id.Imsi;
import io.cellgate.network.decision.SimEntry;
import io.cellgate.network.radius.codec.AttributeType;
import io.cellgate.network.radius.codec.MalformedPacket;
import io.cellgate.network.radius.codec.RadiusPacket;
import java.util.regex.Pattern;

/**
 * Who and what an Access- or Accounting-Request is about, read strictly from its attributes: the SIM by 3GPP-IMSI,
 * else User-Name; the device by 3GPP-IMEISV; the APN (Called-Station-Id), MSISDN (Calling-Station-Id) and RAT type.
 * An IMSI that is not 15 digits is no IMSI (the SIM is unknown); a device identity that is no IMEI or IMEISV, or text
 * that is not UTF-8, makes the packet malformed.
 *
 * @param imsi   null when the request names no SIM by an IMSI
 * @param imei   the device as reported (IMEI or IMEISV), or null
 */
record SessionRequest(Imsi imsi, Imei imei, String apn, String msisdn, Integer ratType) {
    private static final int MAX_APN = 100;
    private static final Pattern APN = Pattern.compile("[A-Za-z0-9.-]{0," + MAX_APN + "}");
    private static final Pattern MSISDN = Pattern.compile("\\+?[0-9]{1,15}");

    static SessionRequest of(RadiusPacket packet) throws MalformedPacket {
        String imsi = packet.vendorText(AttributeType.VENDOR_3GPP, AttributeType.THREE_GPP_IMSI);
        if (imsi == null) {
            imsi = packet.text(AttributeType.USER_NAME);
        }
        String device = packet.vendorText(AttributeType.VENDOR_3GPP, AttributeType.THREE_GPP_IMEISV);
        if (device != null && Imei.error(device) != null) {
            throw new MalformedPacket("bad_imeisv");
        }
        String apn = packet.text(AttributeType.CALLED_STATION_ID);
        if (apn != null && !APN.matcher(apn).matches()) {
            throw new MalformedPacket("bad_apn");
        }
        byte[] rat = packet.vendorAttribute(AttributeType.VENDOR_3GPP, AttributeType.THREE_GPP_RAT_TYPE);
        if (rat != null && rat.length != 1) {
            throw new MalformedPacket("bad_rat_type");
        }
        String msisdn = packet.text(AttributeType.CALLING_STATION_ID);
        return new SessionRequest(imsi != null && Imsi.error(imsi) == null ? Imsi.parse(imsi) : null,
                device == null ? null : Imei.parse(device), apn == null || apn.isEmpty() ? null : apn,
                msisdn != null && MSISDN.matcher(msisdn).matches() ? msisdn : null,
                rat == null ? null : rat[0] & 0xFF);
    }

    /** The device as the rules compare it (TAC and serial), or -1. */
    long device() {
        return imei == null ? -1 : SimEntry.device(imei);
    }
}
