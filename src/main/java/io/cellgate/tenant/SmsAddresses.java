package io.cellgate.tenant;

import io.cellgate.common.db.PgErrors;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import io.cellgate.common.id.TenantId;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;

/** A tenant's A2P SMS addresses (tenant_sms_addresses): each belongs to one tenant, in the order given. */
final class SmsAddresses {
    static final String PATTERN = "^(\\+[1-9][0-9]{2,14}|[0-9]{3,15}|[A-Za-z0-9 ]{1,11})$";
    static final String RULE = "a number with + (E.164), a short code of 3-15 digits, or up to 11 letters, digits"
            + " and spaces";
    /** Read with a tenant's row, in order. */
    static final String COLUMN = "ARRAY(SELECT a.address FROM tenant_sms_addresses a WHERE a.tenant_id = tenants.id"
            + " ORDER BY a.position) AS sms_addresses";

    private SmsAddresses() {
    }

    /** Replaces the tenant's addresses with these (null: leaves them). */
    static Uni<Void> replace(SqlConnection tx, TenantId tenant, List<String> addresses) {
        if (addresses == null) {
            return Uni.createFrom().voidItem();
        }
        if (addresses.stream().distinct().count() != addresses.size()) {
            throw ProblemException.invalid("sms_addresses", "lists an address twice");
        }
        return tx.preparedQuery("DELETE FROM tenant_sms_addresses WHERE tenant_id = $1").execute(Tuple.of(tenant.value()))
                .flatMap(deleted -> tx.preparedQuery("""
                                INSERT INTO tenant_sms_addresses (address, tenant_id, position)
                                SELECT a.address, $1, a.position FROM unnest($2::text[]) WITH ORDINALITY AS a(address, position)""")
                        .execute(Tuple.of(tenant.value(), addresses.toArray(String[]::new))))
                .onFailure(PgErrors::isUniqueViolation).transform(e -> new ProblemException(
                        ProblemType.SMS_ADDRESS_IN_USE, "An address of " + addresses + " belongs to another tenant"))
                .replaceWithVoid();
    }
}
