package io.cellgate.common.db;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Refuses to start as a database role that row-level security would not hold: a superuser, a role with BYPASSRLS, or
 * the owner of the tables. Tenant isolation in the database depends on the service running as a separate role.
 */
@ApplicationScoped
public class DatabaseRoleCheck {
    @Inject
    Pool pool;

    void onStart(@Observes StartupEvent event) {
        requireSafeRole(pool);
    }

    /** Throws when the pool's role is one that row-level security does not hold. */
    public static void requireSafeRole(Pool pool) {
        Row role = pool.query("""
                        SELECT current_user AS name, r.rolsuper, r.rolbypassrls,
                               EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = current_schema()
                                       AND t.tableowner = current_user) AS owns_tables
                        FROM pg_roles r WHERE r.rolname = current_user""")
                .execute().await().indefinitely().iterator().next();
        if (role.getBoolean("rolsuper") || role.getBoolean("rolbypassrls") || role.getBoolean("owns_tables")) {
            throw new IllegalStateException("The service must not run as database role " + role.getString("name")
                    + ": it is a superuser, bypasses row-level security or owns the tables. Set CELLGATE_DB_USER to"
                    + " the service's own role and CELLGATE_DB_OWNER_USER to the owner that runs the migrations.");
        }
    }
}
