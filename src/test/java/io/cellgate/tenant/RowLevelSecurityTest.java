package io.cellgate.tenant;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.ACME_OPERATOR;
import static io.cellgate.support.Api.GLOBEX_ADMIN;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.common.DataScope;
import io.cellgate.common.db.DatabaseRoleCheck;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.support.OwnerDatabase;
import io.cellgate.support.TestActors;
import io.cellgate.support.TestSims;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation beneath the application: queries written with no tenant filter at all, run as the service's
 * database role, see only the rows of the tenant their transaction names.
 */
@QuarkusTest
class RowLevelSecurityTest {
    /** How each tenant-scoped table names the tenant a row belongs to. */
    private static final Map<String, String> TENANT_OF_ROW = new LinkedHashMap<>();

    static {
        TENANT_OF_ROW.put("tenants", "SELECT id FROM tenants");
        TENANT_OF_ROW.put("audit_chains", "SELECT chain FROM audit_chains");
        TENANT_OF_ROW.put("job_failures", "SELECT j.tenant_id FROM job_failures f JOIN jobs j ON j.id = f.job_id");
    }

    @Inject
    ScopedDatabase db;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;

    @BeforeEach
    void bothTenantsHaveData() {
        ensureTenant("acme");
        ensureTenant("globex");
        for (String tenant : List.of("acme", "globex")) {
            String admin = tenant.equals("acme") ? ACME_ADMIN : GLOBEX_ADMIN;
            TestSims sims = TestSims.assignedTo(tenant, 2);
            as(admin).post("/api/v1/sims/" + sims.first() + "/activate").then().statusCode(200);
            as(admin).post("/api/v1/sims/" + sims.first() + "/activate").then().statusCode(409);
            // One SIM is active and one is not: the job leaves a failure row behind.
            String job = as(admin).body(Map.of("action", "suspend", "iccids", sims.iccids))
                    .post("/api/v1/sims/bulk-actions").then().statusCode(202).extract().path("id");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                    "completed".equals(as(admin).get("/api/v1/jobs/" + job).path("status")));
        }
    }

    @Test
    void theServiceRoleCannotBypassRowLevelSecurityAndEveryTenantTableHasIt() {
        Row role = pool.query("SELECT rolsuper, rolbypassrls, EXISTS (SELECT 1 FROM pg_tables WHERE schemaname ="
                + " 'public' AND tableowner = current_user) AS owns FROM pg_roles WHERE rolname = current_user")
                .execute().await().indefinitely().iterator().next();
        assertFalse(role.getBoolean("rolsuper"));
        assertFalse(role.getBoolean("rolbypassrls"));
        assertFalse(role.getBoolean("owns"));

        List<String> unprotected = new ArrayList<>();
        for (Row table : pool.query("""
                SELECT c.relname, c.relrowsecurity, (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'flyway_schema_history'""")
                .execute().await().indefinitely()) {
            if (!table.getBoolean("relrowsecurity") || table.getLong("policies") == 0) {
                unprotected.add(table.getString("relname"));
            }
        }
        assertEquals(List.of(), unprotected, "tables without row-level security");
    }

    @Test
    void theServiceRefusesToRunAsTheOwnerOfTheTables() {
        DatabaseRoleCheck.requireSafeRole(pool);
        Pool owner = OwnerDatabase.open(vertx);
        try {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> DatabaseRoleCheck.requireSafeRole(owner));
            assertTrue(refused.getMessage().contains("CELLGATE_DB_USER"), refused.getMessage());
        } finally {
            owner.closeAndAwait();
        }
    }

    @Test
    void anUnfilteredQueryUnderOneTenantReturnsNoneOfAnotherTenantsRows() {
        Map<String, String> queries = tenantScopedTables();
        assertTrue(queries.keySet().containsAll(List.of("sims", "sim_transitions", "jobs", "sim_decisions",
                "audit_records", "service_profiles", "ip_pools", "sim_ip_addresses", "rate_buckets")), queries.keySet()
                .toString());
        Set<String> seenAcrossTenants = new HashSet<>();
        for (Map.Entry<String, String> table : queries.entrySet()) {
            Set<String> asAcme = tenantsSeen(TestActors.tenant("acme"), table.getValue());
            Set<String> asGlobex = tenantsSeen(TestActors.tenant("globex"), table.getValue());
            Set<String> asCarrierOps = tenantsSeen(TestActors.allTenants(), table.getValue());
            assertTrue(Set.of("acme").containsAll(asAcme), table.getKey() + " under acme showed " + asAcme);
            assertTrue(Set.of("globex").containsAll(asGlobex), table.getKey() + " under globex showed " + asGlobex);
            if (asCarrierOps.containsAll(Set.of("acme", "globex"))) {
                seenAcrossTenants.add(table.getKey());
                assertEquals(Set.of("acme"), asAcme, table.getKey());
                assertEquals(Set.of("globex"), asGlobex, table.getKey());
            }
        }
        // Both tenants have rows in these, so the assertions above were not vacuous.
        assertTrue(seenAcrossTenants.containsAll(List.of("tenants", "sims", "sim_transitions", "jobs", "job_failures",
                "sim_decisions", "audit_records", "audit_chains", "rate_buckets")), seenAcrossTenants.toString());
    }

    @Test
    void aTransactionThatNamesNoTenantSeesAndWritesNothing() {
        for (String table : List.of("tenants", "sims", "sim_decisions", "audit_records", "jobs")) {
            long count = pool.query("SELECT count(*) FROM " + table).execute().await().indefinitely()
                    .iterator().next().getLong(0);
            assertEquals(0L, count, table);
        }
        long updated = pool.query("UPDATE sims SET name = 'hijacked'").execute().await().indefinitely().rowCount();
        assertEquals(0, updated);
    }

    @Test
    void oneTenantCannotChangeOrCreateAnotherTenantsRows() {
        String globexSim = TestSims.assignedTo("globex", 1).first();
        int changed = db.transaction(TestActors.tenant("acme"), tx -> tx
                        .preparedQuery("UPDATE sims SET name = 'hijacked' WHERE iccid = $1").execute(Tuple.of(globexSim)))
                .await().indefinitely().rowCount();
        assertEquals(0, changed);
        as(GLOBEX_ADMIN).get("/api/v1/sims/" + globexSim).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.not("hijacked"));

        PgException refused = assertThrows(PgException.class, () -> db.transaction(TestActors.tenant("acme"), tx -> tx
                .preparedQuery("INSERT INTO service_profiles (id, tenant_id, name, is_default, policy)"
                        + " VALUES ($1, 'globex', $2, false, '{}')")
                .execute(Tuple.of(UUID.randomUUID(), "planted-" + UUID.randomUUID()))).await().indefinitely());
        assertEquals("42501", refused.getSqlState(), refused.getMessage());

        String acmeSim = TestSims.assignedTo("acme", 1).first();
        PgException moved = assertThrows(PgException.class, () -> db.transaction(TestActors.tenant("acme"), tx -> tx
                .preparedQuery("UPDATE sims SET tenant_id = 'globex' WHERE iccid = $1").execute(Tuple.of(acmeSim)))
                .await().indefinitely());
        assertEquals("42501", moved.getSqlState(), moved.getMessage());
        as(ACME_OPERATOR).get("/api/v1/sims/" + acmeSim).then().statusCode(200);
    }

    /** Every table with a tenant_id column, plus the ones that name their tenant otherwise. */
    private Map<String, String> tenantScopedTables() {
        Map<String, String> queries = new LinkedHashMap<>(TENANT_OF_ROW);
        for (Row row : pool.query("SELECT table_name FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND column_name = 'tenant_id' ORDER BY table_name").execute().await().indefinitely()) {
            String table = row.getString(0);
            queries.putIfAbsent(table, "SELECT tenant_id FROM " + table);
        }
        return queries;
    }

    private Set<String> tenantsSeen(DataScope scope, String query) {
        Set<String> tenants = new HashSet<>();
        db.transaction(scope, tx -> tx.query("SELECT DISTINCT coalesce(t, '(no tenant)') FROM (" + query
                        + ") AS rows (t)").execute())
                .await().indefinitely().forEach(row -> tenants.add(row.getString(0)));
        return tenants;
    }
}
