package io.cellgate.ports;

import io.cellgate.common.Actor;
import io.cellgate.common.id.Imei;
import io.cellgate.common.id.Imsi;
import io.smallrye.mutiny.Uni;

/**
 * What the network reports about a SIM, written by the management plane on its behalf: the reporting network function
 * is the actor, so the change is scoped and audited like any other. The usage and session reports of the data path
 * join this port with the RADIUS server.
 */
public interface NetworkReportPort {
    /**
     * The SIM was seen in the device with this IMEI (or IMEISV): where the SIM's IMEI lock says
     * {@code lock_on_first_use} and holds no IMEI yet, the SIM is locked to the device's IMEI. Answers the lock that
     * holds after the report; null when no tenant has a SIM of this IMSI. (The SIM's last seen IMEI is written with
     * the session reports of the RADIUS server.)
     */
    Uni<ImeiSeen> imeiSeen(Actor networkFunction, Imsi imsi, Imei imei);

    /**
     * The outcome of an IMEI report: the IMEI the SIM is locked to now (null when it is not locked), and whether
     * this report locked it (or another report of the same device at the same moment).
     */
    record ImeiSeen(Imei lockedTo, boolean lockedNow) {
    }
}
