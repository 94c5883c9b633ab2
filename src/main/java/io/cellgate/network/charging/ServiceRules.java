package io.cellgate.network.charging;

import io.cellgate.network.decision.DataSessionRules;
import io.cellgate.network.decision.DataSessionRules.SessionFacts;
import io.cellgate.network.decision.RejectReason;
import io.cellgate.network.decision.SimEntry;
import io.cellgate.network.decision.SimEntry.SimState;
import java.util.Set;

/**
 * Whether a SIM may make or take a call, send or receive an SMS, or use data, as a network function asks online
 * charging before it serves: named checks over one snapshot of the SIM's decision row, the first refusal deciding.
 * Data applies the RADIUS path's own rules ({@link DataSessionRules#BEFORE_QUOTA}); its limit, like those of voice and
 * SMS, is then held by the grant itself.
 */
final class ServiceRules {
    /** Why online charging refuses a service; the code is the reason of the charging.denied event. */
    enum Refusal {
        TENANT_SUSPENDED("tenant_suspended"),
        SIM_NOT_ACTIVE("sim_not_active"),
        VOICE_DISABLED("voice_disabled"),
        NUMBER_NOT_ALLOWED("number_not_allowed"),
        SMS_MO_DISABLED("sms_mo_disabled"),
        SMS_MT_DISABLED("sms_mt_disabled"),
        P2P_SMS_BLOCKED("p2p_sms_blocked");

        final String code;

        Refusal(String code) {
            this.code = code;
        }
    }

    private ServiceRules() {
    }

    /** A call with the counterpart (null: not said): voice on, and the number on the allow-list if there is one. */
    static String call(SimEntry sim, String counterpart) {
        Refusal refusal = subscription(sim);
        if (refusal == null && !sim.services().voiceEnabled()) {
            refusal = Refusal.VOICE_DISABLED;
        }
        if (refusal == null && !sim.services().callAllowedWith(counterpart)) {
            refusal = Refusal.NUMBER_NOT_ALLOWED;
        }
        return refusal == null ? null : refusal.code;
    }

    /**
     * An SMS the device sends (mo) or receives, with the counterpart (null: not said). A message with one of the
     * tenant's A2P addresses (the ones Cellgate's own SMPP bind uses) is application traffic; any other is
     * person-to-person, which the policy may block or allow only with some numbers.
     */
    static String sms(SimEntry sim, boolean mo, String counterpart, Set<String> a2pAddresses) {
        Refusal refusal = subscription(sim);
        if (refusal == null && !(mo ? sim.services().smsMo() : sim.services().smsMt())) {
            refusal = mo ? Refusal.SMS_MO_DISABLED : Refusal.SMS_MT_DISABLED;
        }
        boolean a2p = counterpart != null && a2pAddresses.contains(comparable(counterpart));
        if (refusal == null && !a2p && sim.services().p2pBlocked()) {
            refusal = Refusal.P2P_SMS_BLOCKED;
        }
        if (refusal == null && !a2p && !sim.services().p2pAllowedWith(counterpart)) {
            refusal = Refusal.NUMBER_NOT_ALLOWED;
        }
        return refusal == null ? null : refusal.code;
    }

    /** A data session: the RADIUS path's rules but the limit (APN as the DNN, the IMEI lock by the PEI). */
    static String data(SimEntry sim, SessionFacts session) {
        RejectReason reason = DataSessionRules.refusal(DataSessionRules.BEFORE_QUOTA, sim, session,
                sim.currentPeriod());
        return reason == null ? null : reason.code();
    }

    /** An address as the tenants' A2P addresses are compared: without a leading '+'. */
    static String comparable(String address) {
        return address.startsWith("+") ? address.substring(1) : address;
    }

    private static Refusal subscription(SimEntry sim) {
        if (!sim.tenantActive()) {
            return Refusal.TENANT_SUSPENDED;
        }
        return sim.simState() == SimState.ACTIVE ? null : Refusal.SIM_NOT_ACTIVE;
    }
}
