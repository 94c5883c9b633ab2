package io.cellgate.sim;

import io.cellgate.common.FieldError;
import io.cellgate.common.Identifiers;
import io.cellgate.common.ProblemException;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * The SIMs a bulk job covers, given as a list of ICCIDs or as a filter over the tenant's SIMs, in the form jobs
 * store: a FROM/WHERE clause that selects {@code iccid}, with its parameters.
 */
public record SimSelection(String fromWhere, Tuple params) {

    public static SimSelection of(String tenantId, List<String> iccids, SimFilter filter) {
        validate(iccids, filter);
        if (iccids != null) {
            return new SimSelection("FROM unnest($1::text[]) AS t(iccid)",
                    Tuple.tuple().addArrayOfString(iccids.toArray(String[]::new)));
        }
        SimQuery query = SimQuery.forTenant(tenantId, filter);
        return new SimSelection("FROM sims" + query.where(), query.params());
    }

    private static void validate(List<String> iccids, SimFilter filter) {
        List<FieldError> errors = new ArrayList<>();
        if ((iccids == null) == (filter == null)) {
            errors.add(FieldError.of("iccids", "give either iccids or filter, not both and not neither"));
        }
        if (iccids != null) {
            for (int i = 0; i < iccids.size() && errors.size() < SimStockService.MAX_LISTED_ERRORS; i++) {
                String problem = Identifiers.iccidError(iccids.get(i));
                if (problem != null) {
                    errors.add(FieldError.of("iccids[" + i + "]", problem));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
