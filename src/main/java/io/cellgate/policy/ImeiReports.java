package io.cellgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellgate.audit.AuditedWrites;
import io.cellgate.common.Actor;
import io.cellgate.common.id.Imei;
import io.cellgate.common.id.Imsi;
import io.cellgate.ports.Decision;
import io.cellgate.ports.DecisionReadPort;
import io.cellgate.ports.NetworkReportPort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * IMEI lock on first use, as the network reports devices: the first IMEI seen with a SIM whose lock says
 * {@code lock_on_first_use} becomes the SIM's own lock ({@code locked} to that IMEI), visible in its policy with source
 * {@code sim} and in the tenant's audit trail as the reporting network function's change. The SIM's row lock makes it
 * atomic: of two devices reported at once, the first one locks and the second finds the lock.
 */
@ApplicationScoped
public class ImeiReports implements NetworkReportPort {
    private static final String LOCK_ON_FIRST_USE = "lock_on_first_use";

    @Inject
    DecisionReadPort decisions;
    @Inject
    AuditedWrites writes;
    @Inject
    SimPolicyService policies;
    @Inject
    ObjectMapper json;

    @Override
    public Uni<ImeiSeen> imeiSeen(Actor networkFunction, Imsi imsi, Imei imei) {
        return decisions.decision(networkFunction, imsi).flatMap(decision -> {
            if (decision == null) {
                return Uni.createFrom().nullItem();
            }
            if (!LOCK_ON_FIRST_USE.equals(decision.imeiLockMode()) || decision.imei() != null) {
                return Uni.createFrom().item(lockOf(decision));
            }
            Actor onTenant = networkFunction.actingFor(decision.tenantId());
            Imei device = imei.withoutSoftwareVersion();
            JsonNode lock = json.createObjectNode().put("mode", "locked").put("imei", device.value());
            return writes.inTransaction(onTenant, onTenant.scope(), (tx, note) -> policies.change(tx, note,
                            decision.tenantId(), decision.iccid(), "*", false, null,
                            overrides -> settledMeanwhile(overrides) ? overrides
                                    : ((ObjectNode) overrides.deepCopy()).set("imei_lock", lock)))
                    .map(policy -> seen(policy.policy().path("imei_lock"), device));
        });
    }

    private static ImeiSeen lockOf(Decision decision) {
        return new ImeiSeen("locked".equals(decision.imeiLockMode()) && decision.imei() != null
                ? Imei.parse(decision.imei()) : null, false);
    }

    private static ImeiSeen seen(JsonNode lock, Imei reported) {
        Imei lockedTo = "locked".equals(lock.path("mode").asText(null)) && lock.hasNonNull("imei")
                ? Imei.parse(lock.get("imei").asText()) : null;
        return new ImeiSeen(lockedTo, reported.equals(lockedTo));
    }

    /**
     * Between the decision read and the SIM's row lock, the SIM got its own lock setting other than lock on first use:
     * another report locked it, or the tenant decided (an explicit lock, or mode off). That setting stands.
     */
    private static boolean settledMeanwhile(JsonNode overrides) {
        String mode = overrides.path("imei_lock").path("mode").asText(null);
        return mode != null && !LOCK_ON_FIRST_USE.equals(mode);
    }
}
