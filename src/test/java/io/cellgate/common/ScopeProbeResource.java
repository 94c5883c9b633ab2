package io.cellgate.common;

import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.TenantId;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only endpoint (it exists in test runs alone, hidden from the contract): asks the caller's actor for the data
 * scope it is told to, as a faulty service would, to show that an actor makes only the scopes it may open.
 */
@Path("/test-only/scope/{tenant}")
public class ScopeProbeResource {
    @Inject
    ScopedDatabase db;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CARRIER_OPS})
    @Operation(hidden = true)
    public Uni<Long> countSims(@PathParam("tenant") String tenant) {
        Actor actor = caller.actor();
        DataScope scope = "all".equals(tenant) ? actor.allTenants() : actor.actingFor(TenantId.parse(tenant)).scope();
        return db.transaction(scope, tx -> tx.query("SELECT count(*) FROM sims").execute())
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
