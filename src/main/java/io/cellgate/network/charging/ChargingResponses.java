package io.cellgate.network.charging;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellgate.ports.ChargingPort.Invocation.UnitOutcome;
import io.cellgate.ports.ChargingPort.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * ChargingDataResponse bodies (3GPP TS 32.291), with 3GPP's member names: for each rating group its resultCode, the
 * grantedUnit in the service's unit, the validityTime of the reservation and, when the grant is all that is left of
 * the limit, a finalUnitIndication asking the function to end the service once it is used.
 */
final class ChargingResponses {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ChargingResponses() {
    }

    static ObjectNode of(long sequence, List<UnitOutcome> units, Duration validity) {
        ObjectNode response = JSON.objectNode().put("invocationTimeStamp", Instant.now().toString())
                .put("invocationSequenceNumber", sequence);
        var information = response.putArray("multipleUnitInformation");
        for (UnitOutcome unit : units) {
            ObjectNode entry = information.addObject().put("resultCode", unit.resultCode())
                    .put("ratingGroup", unit.ratingGroup());
            if (unit.granted() > 0) {
                entry.putObject("grantedUnit").put(grantedMember(unit.service()), unit.granted());
                if (!unit.debited()) {
                    entry.put("validityTime", validity.toSeconds());
                }
            }
            if (unit.finalUnits()) {
                entry.putObject("finalUnitIndication").put("finalUnitAction", "TERMINATE");
            }
        }
        return response;
    }

    /** The answer for a SIM no tenant has: each rating group USER_UNKNOWN. */
    static ObjectNode userUnknown(ChargingRequest request) {
        ObjectNode response = JSON.objectNode().put("invocationTimeStamp", Instant.now().toString())
                .put("invocationSequenceNumber", request.sequence());
        var information = response.putArray("multipleUnitInformation");
        request.units().forEach(usage -> information.addObject().put("resultCode", "USER_UNKNOWN")
                .put("ratingGroup", usage.ratingGroup()));
        response.putObject("invocationResult").putObject("error").put("status", 403)
                .put("cause", "USER_UNKNOWN").put("detail", "No SIM of a tenant has this subscriberIdentifier");
        return response;
    }

    private static String grantedMember(Service service) {
        return switch (service) {
            case VOICE -> "time";
            case SMS -> "serviceSpecificUnits";
            case DATA -> "totalVolume";
        };
    }
}
