package io.cellgate.network.charging;

import com.fasterxml.jackson.databind.JsonNode;
import io.cellgate.common.id.Imei;
import io.cellgate.common.id.Imsi;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The members of a ChargingDataRequest (3GPP TS 32.291, Nchf_ConvergedCharging v3) that online charging uses, read
 * strictly: a malformed member is refused with its path, an unknown one is ignored.
 *
 * @param oneTimeEvent the requested units are used at once (immediate event charging, e.g. an SMS)
 * @param sms          the SMS the request is about (from sMSChargingInformation), or null
 * @param call         the call the request is about (from iMSChargingInformation), or null
 * @param pdu          the PDU session the request is about (from pDUSessionChargingInformation), or null
 */
record ChargingRequest(long sequence, String nodeFunctionality, Imsi imsi, boolean oneTimeEvent,
                       List<UnitUsage> units, Sms sms, Call call, Pdu pdu) {
    static final int MAX_UNITS = 32;
    private static final int MAX_CONTAINERS = 64;
    private static final int MAX_PARTIES = 16;

    /** Units as 3GPP counts them: seconds, bytes (total, up, down) and service-specific units (SMS). */
    record Units(long time, long totalVolume, long uplinkVolume, long downlinkVolume, long serviceSpecificUnits) {
        static final Units NONE = new Units(0, 0, 0, 0, 0);

        Units plus(Units other) {
            return new Units(Math.addExact(time, other.time), Math.addExact(totalVolume, other.totalVolume),
                    Math.addExact(uplinkVolume, other.uplinkVolume), Math.addExact(downlinkVolume, other.downlinkVolume),
                    Math.addExact(serviceSpecificUnits, other.serviceSpecificUnits));
        }
    }

    /** One multipleUnitUsage: a rating group, what is asked for (null: nothing) and what was used since. */
    record UnitUsage(long ratingGroup, Units requested, Units used) {
    }

    /** The originator and the first recipient of an SMS: a SUPI ({@code imsi-...}) and an address, where given. */
    record Sms(String originatorSupi, String originatorAddress, String recipientSupi, String recipientAddress) {
    }

    /** A call: whether the SIM's side originates it, and the other party's address. */
    record Call(boolean originating, String counterpart) {
    }

    /** A PDU session: its DNN and the device (PEI), where given. */
    record Pdu(String dnn, Imei pei) {
    }

    /** Reads the request, or refuses it with every malformed or missing member named (NchfProblem). */
    static ChargingRequest read(JsonNode body) {
        JsonFields fields = new JsonFields();
        if (!body.isObject()) {
            throw NchfProblem.notJson("The body must be a JSON object (ChargingDataRequest)");
        }
        Long sequence = fields.unsigned(body, "invocationSequenceNumber", "invocationSequenceNumber",
                JsonFields.UINT32_MAX, true);
        fields.dateTime(body, "invocationTimeStamp", "invocationTimeStamp", true);
        JsonNode consumer = fields.object(body, "nfConsumerIdentification", "nfConsumerIdentification", true);
        String node = consumer == null ? null : fields.text(consumer, "nodeFunctionality",
                "nfConsumerIdentification/nodeFunctionality", true);
        Imsi imsi = imsi(fields, fields.text(body, "subscriberIdentifier", "subscriberIdentifier", true));
        boolean oneTimeEvent = fields.flag(body, "oneTimeEvent", "oneTimeEvent");
        List<UnitUsage> units = new ArrayList<>();
        List<JsonNode> usages = fields.array(body, "multipleUnitUsage", "multipleUnitUsage", MAX_UNITS);
        for (int i = 0; i < usages.size(); i++) {
            units.add(unitUsage(fields, usages.get(i), "multipleUnitUsage/" + i));
        }
        Sms sms = sms(fields, fields.object(body, "sMSChargingInformation", "sMSChargingInformation", false));
        Call call = call(fields, fields.object(body, "iMSChargingInformation", "iMSChargingInformation", false));
        Pdu pdu = pdu(fields, fields.object(body, "pDUSessionChargingInformation", "pDUSessionChargingInformation",
                false));
        if (!fields.invalid().isEmpty()) {
            throw NchfProblem.malformed(fields.invalid());
        }
        return new ChargingRequest(sequence, node, imsi, oneTimeEvent, List.copyOf(units), sms, call, pdu);
    }

    private static Imsi imsi(JsonFields fields, String supi) {
        if (supi == null) {
            return null;
        }
        String digits = supi.startsWith("imsi-") ? supi.substring(5) : null;
        if (digits == null || Imsi.error(digits) != null) {
            fields.refuse("subscriberIdentifier", "must be a SUPI of the form imsi-<15 digits>");
            return null;
        }
        return Imsi.parse(digits);
    }

    private static UnitUsage unitUsage(JsonFields fields, JsonNode usage, String path) {
        if (!usage.isObject()) {
            fields.refuse(path, "must be an object");
            return null;
        }
        Long ratingGroup = fields.unsigned(usage, "ratingGroup", path + "/ratingGroup", JsonFields.UINT32_MAX, true);
        JsonNode requestedNode = fields.object(usage, "requestedUnit", path + "/requestedUnit", false);
        Units requested = requestedNode == null ? null : units(fields, requestedNode, path + "/requestedUnit");
        Units used = Units.NONE;
        List<JsonNode> containers = fields.array(usage, "usedUnitContainer", path + "/usedUnitContainer",
                MAX_CONTAINERS);
        for (int i = 0; i < containers.size(); i++) {
            String at = path + "/usedUnitContainer/" + i;
            if (!containers.get(i).isObject()) {
                fields.refuse(at, "must be an object");
                continue;
            }
            try {
                used = used.plus(units(fields, containers.get(i), at));
            } catch (ArithmeticException e) {
                fields.refuse(at, "the used units of the rating group add up beyond 2^63 - 1");
            }
        }
        return new UnitUsage(ratingGroup == null ? -1 : ratingGroup, requested, used);
    }

    private static Units units(JsonFields fields, JsonNode node, String path) {
        return new Units(amount(fields, node, "time", path, JsonFields.UINT32_MAX),
                amount(fields, node, "totalVolume", path, Long.MAX_VALUE),
                amount(fields, node, "uplinkVolume", path, Long.MAX_VALUE),
                amount(fields, node, "downlinkVolume", path, Long.MAX_VALUE),
                amount(fields, node, "serviceSpecificUnits", path, Long.MAX_VALUE));
    }

    private static long amount(JsonFields fields, JsonNode node, String name, String path, long max) {
        Long value = fields.unsigned(node, name, path + "/" + name, max, false);
        return value == null ? 0 : value;
    }

    private static Sms sms(JsonFields fields, JsonNode info) {
        if (info == null) {
            return null;
        }
        String path = "sMSChargingInformation";
        JsonNode originator = fields.object(info, "originatorInfo", path + "/originatorInfo", false);
        List<JsonNode> recipients = fields.array(info, "recipientInfo", path + "/recipientInfo", MAX_PARTIES);
        JsonNode recipient = recipients.isEmpty() ? null : recipients.get(0);
        if (recipient != null && !recipient.isObject()) {
            fields.refuse(path + "/recipientInfo/0", "must be an object");
            recipient = null;
        }
        return new Sms(
                originator == null ? null : fields.text(originator, "originatorSUPI",
                        path + "/originatorInfo/originatorSUPI", false),
                originator == null ? null : address(fields, originator, "originatorGPSI", "originatorOtherAddress",
                        path + "/originatorInfo"),
                recipient == null ? null : fields.text(recipient, "recipientSUPI",
                        path + "/recipientInfo/0/recipientSUPI", false),
                recipient == null ? null : address(fields, recipient, "recipientGPSI", "recipientOtherAddress",
                        path + "/recipientInfo/0"));
    }

    /** A party's address: its GPSI ({@code msisdn-...}), else the data of its other address (SMAddressInfo). */
    private static String address(JsonFields fields, JsonNode party, String gpsiName, String otherName, String path) {
        String gpsi = fields.text(party, gpsiName, path + "/" + gpsiName, false);
        if (gpsi != null) {
            return Numbers.normalised(fields, gpsi, path + "/" + gpsiName);
        }
        JsonNode other = fields.object(party, otherName, path + "/" + otherName, false);
        String data = other == null ? null : fields.text(other, "sMaddressData", path + "/" + otherName
                + "/sMaddressData", false);
        return data == null ? null : Numbers.normalised(fields, data, path + "/" + otherName + "/sMaddressData");
    }

    private static Call call(JsonFields fields, JsonNode info) {
        if (info == null) {
            return null;
        }
        String path = "iMSChargingInformation";
        String role = fields.text(info, "roleOfNode", path + "/roleOfNode", false);
        boolean originating = role == null || role.toUpperCase(Locale.ROOT).equals("ORIGINATING");
        if (role != null && !originating && !role.toUpperCase(Locale.ROOT).equals("TERMINATING")) {
            fields.refuse(path + "/roleOfNode", "must be ORIGINATING or TERMINATING");
        }
        String counterpart;
        if (originating) {
            String called = fields.text(info, "calledPartyAddress", path + "/calledPartyAddress", false);
            counterpart = called == null ? null : Numbers.normalised(fields, called, path + "/calledPartyAddress");
        } else {
            List<JsonNode> calling = fields.array(info, "callingPartyAddresses", path + "/callingPartyAddresses",
                    MAX_PARTIES);
            String first = calling.isEmpty() || !calling.get(0).isTextual() ? null : calling.get(0).asText();
            counterpart = first == null ? null : Numbers.normalised(fields, first, path + "/callingPartyAddresses/0");
        }
        return new Call(originating, counterpart);
    }

    private static Pdu pdu(JsonFields fields, JsonNode info) {
        if (info == null) {
            return null;
        }
        String path = "pDUSessionChargingInformation";
        JsonNode session = fields.object(info, "pduSessionInformation", path + "/pduSessionInformation", false);
        String dnn = session == null ? null : fields.text(session, "dnnId", path + "/pduSessionInformation/dnnId",
                false);
        JsonNode user = fields.object(info, "userInformation", path + "/userInformation", false);
        String pei = user == null ? null : fields.text(user, "servedPEI", path + "/userInformation/servedPEI", false);
        return new Pdu(dnn, pei == null ? null : device(fields, pei, path + "/userInformation/servedPEI"));
    }

    /** A PEI of the form imei-&lt;15 digits&gt; or imeisv-&lt;16 digits&gt; (TS 29.571). */
    private static Imei device(JsonFields fields, String pei, String path) {
        String digits = pei.startsWith("imei-") ? pei.substring(5) : pei.startsWith("imeisv-") ? pei.substring(7) : "";
        if (Imei.error(digits) != null || pei.startsWith("imei-") != (digits.length() == 15)) {
            fields.refuse(path, "must be a PEI of the form imei-<15 digits> or imeisv-<16 digits>");
            return null;
        }
        return Imei.parse(digits);
    }
}
