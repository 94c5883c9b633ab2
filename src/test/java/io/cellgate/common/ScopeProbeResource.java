package io.cellgate.common;

import io.cellgate.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only endpoint (it exists in test runs alone, hidden from the contract): opens the data scope it is told to, as
 * a faulty service would, to show that the scope must fit the caller.
 */
@Path("/test-only/scope/{tenant}")
public class ScopeProbeResource {
    @Inject
    ScopedDatabase db;

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CARRIER_OPS})
    @Operation(hidden = true)
    public Uni<Long> countSims(@PathParam("tenant") String tenant) {
        DataScope scope = "all".equals(tenant) ? DataScope.ALL_TENANTS : DataScope.tenant(tenant);
        return db.transaction(scope, tx -> tx.query("SELECT count(*) FROM sims").execute())
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
