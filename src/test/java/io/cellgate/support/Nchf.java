package io.cellgate.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A network function of the core asking online charging, as 3GPP TS 32.291 (Nchf_ConvergedCharging v3) writes its
 * requests: with a client-credentials token of the demo function (demo-smf, realm role nf-charging).
 */
public final class Nchf {
    public static final String ROOT = "/nchf-convergedcharging/v3/chargingdata";
    public static final String FUNCTION_CLIENT = "demo-smf";
    private static final int TEST_PORT = org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue("quarkus.http.test-port", Integer.class);

    private Nchf() {
    }

    /** A ChargingDataRequest for the SIM of this IMSI, with its sequence number and node functionality. */
    public static Map<String, Object> request(String imsi, long sequence, String node) {
        Map<String, Object> request = new HashMap<>();
        request.put("subscriberIdentifier", "imsi-" + imsi);
        request.put("invocationSequenceNumber", sequence);
        request.put("invocationTimeStamp", Instant.now().toString());
        request.put("nfConsumerIdentification", Map.of("nodeFunctionality", node, "nFName",
                "5b9e6f3c-44a1-4f4e-9a35-1f0a2b3c4d5e"));
        request.put("multipleUnitUsage", new ArrayList<Map<String, Object>>());
        return request;
    }

    /** Adds a multipleUnitUsage: the rating group, what is asked (null: nothing) and what was used (null: nothing). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> unit(Map<String, Object> request, long ratingGroup, Map<String, Object> requested,
                                           Map<String, Object> used) {
        Map<String, Object> usage = new HashMap<>();
        usage.put("ratingGroup", ratingGroup);
        if (requested != null) {
            usage.put("requestedUnit", requested);
        }
        if (used != null) {
            usage.put("usedUnitContainer", List.of(withSequence(used)));
        }
        ((List<Map<String, Object>>) request.get("multipleUnitUsage")).add(usage);
        return request;
    }

    /** A call the SIM makes (ORIGINATING) to this party, or takes (TERMINATING) from it. */
    public static Map<String, Object> call(Map<String, Object> request, boolean originating, String party) {
        request.put("iMSChargingInformation", originating
                ? Map.of("roleOfNode", "ORIGINATING", "calledPartyAddress", party)
                : Map.of("roleOfNode", "TERMINATING", "callingPartyAddresses", List.of(party)));
        return request;
    }

    /** An SMS the SIM sends (mo) to this address, or receives from it. */
    public static Map<String, Object> sms(Map<String, Object> request, String imsi, boolean mo, String address) {
        Map<String, Object> self = Map.of("originatorSUPI", "imsi-" + imsi);
        Map<String, Object> other = Map.of("sMaddressData", address, "sMaddressType", "INTERNATIONAL");
        request.put("sMSChargingInformation", mo
                ? Map.of("originatorInfo", self, "recipientInfo", List.of(Map.of("recipientOtherAddress", other)),
                        "sMMessageType", "SUBMISSION")
                : Map.of("originatorInfo", Map.of("originatorOtherAddress", other), "recipientInfo",
                        List.of(Map.of("recipientSUPI", "imsi-" + imsi)), "sMMessageType", "DELIVERY"));
        return request;
    }

    /** A PDU session on this DNN, from the device of this PEI (null: not said). */
    public static Map<String, Object> pdu(Map<String, Object> request, String dnn, String pei) {
        Map<String, Object> info = new HashMap<>();
        info.put("pduSessionInformation", Map.of("pduSessionID", 5, "dnnId", dnn, "ratType", "NR"));
        if (pei != null) {
            info.put("userInformation", Map.of("servedPEI", pei));
        }
        request.put("pDUSessionChargingInformation", info);
        return request;
    }

    public static Response create(Object body) {
        return checked(body, as(FUNCTION_CLIENT).body(body).post(ROOT));
    }

    /** A creation with its own X-Request-Id, to find what it caused in the audit trail. */
    public static Response create(Object body, String requestId) {
        return checked(body, as(FUNCTION_CLIENT).header("X-Request-Id", requestId).body(body).post(ROOT));
    }

    public static Response update(String ref, Object body) {
        return checked(body, as(FUNCTION_CLIENT).body(body).post(ROOT + "/" + ref + "/update"));
    }

    public static Response release(String ref, Object body) {
        return checked(body, as(FUNCTION_CLIENT).body(body).post(ROOT + "/" + ref + "/release"));
    }

    /**
     * Every request built here, and every answer, is checked against the 3GPP data model of the members used
     * ({@link NchfSchemas}): a ChargingDataResponse, or ProblemDetails.
     */
    private static Response checked(Object request, Response response) {
        if (request instanceof Map<?, ?>) {
            NchfSchemas.assertConforms("ChargingDataRequest", request);
        }
        String body = response.asString();
        if (!body.isEmpty()) {
            String contentType = String.valueOf(response.contentType());
            NchfSchemas.assertConforms(contentType.startsWith("application/problem+json") ? "ProblemDetails"
                    : "ChargingDataResponse", body);
        }
        return response;
    }

    /** The session's ChargingDataRef, from the Location of its creation. */
    public static String ref(Response created) {
        String location = created.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The port the service under test listens on. */
    public static int port() {
        return TEST_PORT;
    }

    public static io.restassured.specification.RequestSpecification as(String client) {
        return given().port(TEST_PORT).auth().oauth2(Tokens.of(client)).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    private static Map<String, Object> withSequence(Map<String, Object> used) {
        Map<String, Object> container = new HashMap<>(used);
        container.put("localSequenceNumber", 1);
        return container;
    }
}
