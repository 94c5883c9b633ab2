package io.cellgate.sim.bulk;

import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.job.TargetKind;
import io.cellgate.sim.SimFilter;
import io.cellgate.sim.store.SimQuery;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;

/**
 * The SIMs a bulk job covers, given as a list of ICCIDs or as a filter over the tenant's SIMs, in the form jobs
 * store: a FROM/WHERE clause that selects {@code target}, with its parameters.
 */
public record SimSelection(String fromWhere, Tuple params) {
    /** The targets of jobs over SIMs. */
    public static final TargetKind<Iccid> ICCIDS = new TargetKind<>("iccid", Iccid::parse);

    public static SimSelection of(TenantId tenant, List<Iccid> iccids, SimFilter filter) {
        if ((iccids == null) == (filter == null)) {
            throw ProblemException.invalid("iccids", "give either iccids or filter, not both and not neither");
        }
        if (iccids != null) {
            return new SimSelection("FROM unnest($1::text[]) AS t(target)",
                    Tuple.tuple().addArrayOfString(Iccid.values(iccids)));
        }
        SimQuery query = SimQuery.forTenant(tenant, filter.validated("filter"));
        return new SimSelection(query.fromWhere(), query.params());
    }
}
