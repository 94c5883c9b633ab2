package io.cellgate.network.charging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellgate.network.charging.NchfProblem.InvalidParam;
import io.cellgate.support.Nchf;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ChargingRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMSI = "262010000000001";

    @Test
    void theMembersUsedAreReadAndUnknownOnesIgnored() {
        Map<String, Object> body = Nchf.call(Nchf.unit(Nchf.request(IMSI, 7, "IMS_NODE"), 100,
                Map.of("time", 60), Map.of("time", 30, "totalVolume", 5)), false, "sip:+4930999888@ims.example;user=phone");
        body.put("someFutureMember", Map.of("nested", List.of(1, 2)));
        ChargingRequest request = ChargingRequest.read(JSON.valueToTree(body));
        assertEquals(7, request.sequence());
        assertEquals(IMSI, request.imsi().value());
        assertEquals(60, request.units().get(0).requested().time());
        assertEquals(30, request.units().get(0).used().time());
        assertFalse(request.call().originating());
        assertEquals("+4930999888", request.call().counterpart());
    }

    @Test
    void theAddressesOfSmsAndTheDeviceOfADataSessionAreRead() {
        ChargingRequest mt = ChargingRequest.read(JSON.valueToTree(Nchf.sms(Nchf.request(IMSI, 1, "SMSF"), IMSI,
                false, "ACMETEST")));
        assertEquals("ACMETEST", mt.sms().originatorAddress());
        assertFalse(Messages.sentBy(mt.sms(), mt.imsi()));
        ChargingRequest mo = ChargingRequest.read(JSON.valueToTree(Nchf.sms(Nchf.request(IMSI, 1, "SMSF"), IMSI,
                true, "+4917012345678")));
        assertTrue(Messages.sentBy(mo.sms(), mo.imsi()));
        assertEquals("+4917012345678", Messages.counterpart(mo.sms(), true));
        ChargingRequest data = ChargingRequest.read(JSON.valueToTree(Nchf.pdu(Nchf.request(IMSI, 1, "SMF"),
                "iot.acme", "imeisv-3569380356438091")));
        assertEquals("iot.acme", data.pdu().dnn());
        assertEquals("35693803564380", data.pdu().pei().tacAndSerial());
    }

    @Test
    void everyMalformedMemberIsNamedByItsPath() {
        NchfProblem problem = assertThrows(NchfProblem.class, () -> ChargingRequest.read(tree("""
                {"invocationSequenceNumber": -1, "invocationTimeStamp": "yesterday",
                 "nfConsumerIdentification": {}, "subscriberIdentifier": "imsi-12",
                 "multipleUnitUsage": [{"ratingGroup": 4294967296, "requestedUnit": {"time": "60"},
                   "usedUnitContainer": [{"totalVolume": 1.5}]}],
                 "iMSChargingInformation": {"roleOfNode": "FORWARDING", "callingPartyAddresses": ["x\\u0000y"]},
                 "pDUSessionChargingInformation": {"userInformation": {"servedPEI": "imei-123"}}}""")));
        assertEquals(List.of("invocationSequenceNumber", "invocationTimeStamp",
                "nfConsumerIdentification/nodeFunctionality", "subscriberIdentifier",
                "multipleUnitUsage/0/ratingGroup", "multipleUnitUsage/0/requestedUnit/time",
                "multipleUnitUsage/0/usedUnitContainer/0/totalVolume", "iMSChargingInformation/roleOfNode",
                "iMSChargingInformation/callingPartyAddresses/0",
                "pDUSessionChargingInformation/userInformation/servedPEI"),
                problem.invalidParams().stream().map(InvalidParam::param).toList());
    }

    @Test
    void whatIsNotAnObjectIsNotARequest() {
        assertEquals("INVALID_MSG_FORMAT", assertThrows(NchfProblem.class,
                () -> ChargingRequest.read(tree("[1, 2]"))).cause());
        assertEquals("MANDATORY_IE_MISSING", assertThrows(NchfProblem.class,
                () -> ChargingRequest.read(tree("{}"))).cause());
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
