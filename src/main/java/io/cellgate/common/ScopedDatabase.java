package io.cellgate.common;

import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Transactions on tenant data. Each one first sets {@code cellgate.tenant} for its own duration (set_config with
 * is_local), which the row-level security policies read; a transaction that skips this sees no tenant's rows. The
 * scope must also fit the caller: a tenant's request may only open its own tenant's scope, and only carrier ops (or
 * work outside any request) may open the all-tenants scope. A mismatch is a programming error and fails the request.
 */
@ApplicationScoped
public class ScopedDatabase {
    private static final String SET_SCOPE = "SELECT set_config('cellgate.tenant', $1, true)";

    @Inject
    Pool pool;
    @Inject
    SecurityIdentity identity;
    @Inject
    CurrentVertxRequest httpRequest;

    public <T> Uni<T> transaction(DataScope scope, Function<SqlConnection, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            requireFitsCaller(scope);
            return inScope(scope, work);
        });
    }

    /** Work on behalf of no caller (the job runner), which may start while a request is still being answered. */
    public <T> Uni<T> backgroundTransaction(DataScope scope, Function<SqlConnection, Uni<T>> work) {
        return inScope(scope, work);
    }

    private <T> Uni<T> inScope(DataScope scope, Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(tx -> tx.preparedQuery(SET_SCOPE).execute(Tuple.of(scope.setting()))
                .flatMap(set -> work.apply(tx)));
    }

    private void requireFitsCaller(DataScope scope) {
        // Only an HTTP request has a caller; its identity is known by the time a service runs (@RolesAllowed).
        if (!Arc.container().requestContext().isActive() || httpRequest.getCurrent() == null
                || identity.isAnonymous() || identity.hasRole(Roles.CARRIER_OPS)) {
            return;
        }
        Object tenant = identity.getPrincipal() instanceof JsonWebToken token
                ? token.getClaim(Caller.TENANT_CLAIM) : null;
        if (scope.allTenants() || tenant == null || !scope.tenantId().equals(tenant.toString())) {
            throw new IllegalStateException("A request of tenant " + tenant + " may not open the data scope " + scope);
        }
    }
}
