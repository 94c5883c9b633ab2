package io.cellgate.ports;

import io.cellgate.common.Actor;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.Imsi;
import io.smallrye.mutiny.Uni;

/**
 * What the network plane decides from: one SIM's decision row, precomputed by the database whenever anything it
 * depends on changes. A SIM in stock, or an unknown one, has no row: the network must then refuse it.
 */
public interface DecisionReadPort {
    /** The decision row of the SIM the network knows by this IMSI, or null. */
    Uni<Decision> decision(Actor reader, Imsi imsi);

    /** The decision row of the SIM with this ICCID, or null. */
    Uni<Decision> decision(Actor reader, Iccid iccid);
}
