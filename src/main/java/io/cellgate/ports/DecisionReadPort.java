package io.cellgate.ports;

import io.cellgate.common.Actor;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.Imsi;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * What the network plane decides from: one SIM's decision row, precomputed by the database whenever anything it
 * depends on changes, with the SIM's data usage of the current period. A SIM in stock, or an unknown one, has no row:
 * the network must then refuse it. Every change of a row is announced on the database channel {@link #CHANGES} with
 * the ICCIDs concerned (comma-separated), after its transaction commits, so that copies held in memory follow.
 */
public interface DecisionReadPort {
    String CHANGES = "sim_decisions";

    /** The decision row of the SIM the network knows by this IMSI, or null. */
    Uni<Decision> decision(Actor reader, Imsi imsi);

    /** The decision row of the SIM with this ICCID, or null. */
    Uni<Decision> decision(Actor reader, Iccid iccid);

    /** The decision rows of these SIMs that have one (a SIM without a row is left out). */
    Uni<List<Decision>> decisions(Actor reader, List<Iccid> iccids);

    /** Up to {@code limit} decision rows in ICCID order, after the given ICCID (null: from the first). */
    Uni<List<Decision>> decisionsAfter(Actor reader, Iccid after, int limit);
}
