-- Tenant isolation: row-level security on every table that holds a tenant's data, beneath the service's own filters,
-- and the one-statement scoped SIM read.
-- (Repeatable: Flyway applies this file again whenever it changes; it holds the live definitions.)
--
-- Each transaction says whose rows it may see before it reads or writes anything:
--     SELECT set_config('cellgate.tenant', 'acme', true)   -- one tenant
--     SELECT set_config('cellgate.tenant', '*', true)      -- every tenant (carrier ops, network functions, jobs)
-- A transaction that says nothing sees no tenant's rows and can write none. Tenant ids never contain '*'.

-- Written "tenant_id = <setting> OR <setting> = '*'" so that the planner can estimate it from the column's
-- statistics: the form "<setting> IN (tenant_id, '*')" was taken to match almost no row, and a profile change reaching
-- 110,000 SIMs then chose nested loops that ran for minutes.
CREATE OR REPLACE FUNCTION tenant_visible(row_tenant text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT row_tenant = current_setting('cellgate.tenant', true) OR current_setting('cellgate.tenant', true) = '*'
$$;

-- GET /api/v1/sims/{iccid}, the hottest management read, as one statement instead of four (BEGIN, scope, SELECT,
-- COMMIT): the function opens the scope for its own statement and reads the SIM under row-level security. The scope is
-- transaction-local, so it ends with the statement; call it only outside an explicit transaction.
CREATE OR REPLACE FUNCTION scoped_sim(p_scope text, p_iccid text) RETURNS SETOF sims LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('cellgate.tenant', p_scope, true);
    RETURN QUERY SELECT * FROM sims WHERE iccid = p_iccid AND (p_scope = '*' OR tenant_id = p_scope);
END $$;

-- Every table that holds a tenant_id, filtered by it. (Stock SIMs and records of no tenant, chain '*', have no
-- tenant_id: only the all-tenants scope sees them.) A new tenant-scoped table gets its line here.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['sims', 'sim_transitions', 'jobs', 'service_profiles', 'ip_pools', 'sim_ip_addresses',
                             'sim_decisions', 'rate_buckets', 'audit_records', 'data_sessions', 'usage_counters',
                             'auth_events', 'events', 'event_sequences',
                             'quota_breaches', 'webhooks', 'webhook_deliveries', 'webhook_attempts',
                             'anomaly_rules', 'anomaly_cursors', 'anomaly_sim_watch', 'data_usage_baselines',
                             'usage_scans', 'tenant_sms_addresses', 'sms_messages', 'sms_parts', 'sms_mo_fragments',
                             'sms_buckets', 'charging_sessions', 'charging_reservations'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_visible(tenant_id))', t);
    END LOOP;
END $$;

ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON tenants;
CREATE POLICY tenant_isolation ON tenants USING (tenant_visible(id));

ALTER TABLE audit_chains ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON audit_chains;
CREATE POLICY tenant_isolation ON audit_chains USING (tenant_visible(chain));

-- NAS clients belong to no tenant: only the all-tenants scope (carrier ops, network functions) sees them.
ALTER TABLE nas_clients ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON nas_clients;
CREATE POLICY tenant_isolation ON nas_clients USING (current_setting('cellgate.tenant', true) = '*');

-- The charging network functions and rating groups are the provider's: only the all-tenants scope sees them.
ALTER TABLE charging_functions ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON charging_functions;
CREATE POLICY tenant_isolation ON charging_functions USING (current_setting('cellgate.tenant', true) = '*');
ALTER TABLE rating_groups ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON rating_groups;
CREATE POLICY tenant_isolation ON rating_groups USING (current_setting('cellgate.tenant', true) = '*');

-- SMS receipts that found no part yet belong to no known tenant: only the all-tenants scope (the SMPP session) sees
-- them.
ALTER TABLE sms_receipts ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON sms_receipts;
CREATE POLICY tenant_isolation ON sms_receipts USING (current_setting('cellgate.tenant', true) = '*');

-- A job's failures are visible with the job (the subquery is itself filtered by the jobs policy).
ALTER TABLE job_failures ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON job_failures;
CREATE POLICY tenant_isolation ON job_failures USING (EXISTS (SELECT 1 FROM jobs j WHERE j.id = job_id));
