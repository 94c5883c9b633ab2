-- Tenant isolation in depth: row-level security on every tenant-scoped table, beneath the service's own filters.
--
-- The service runs as ${app_role}: it owns no table and cannot bypass row-level security, so every statement it runs
-- is filtered by the policies below. Each transaction first says whose rows it may see:
--     SELECT set_config('cellgate.tenant', 'acme', true)   -- one tenant (tenant API calls, that tenant's jobs)
--     SELECT set_config('cellgate.tenant', '*', true)      -- every tenant (carrier ops, background work)
-- A transaction that says nothing sees no tenant's rows and can write none. Tenant ids never contain '*'.
-- Migrations run as the owner of the schema, which is not subject to these policies.

CREATE FUNCTION tenant_visible(row_tenant text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT current_setting('cellgate.tenant', true) IN (row_tenant, '*')
$$;

-- Addresses carry their tenant (taken from the pool) so that their policy needs no join.
ALTER TABLE sim_ip_addresses ADD COLUMN tenant_id text;
UPDATE sim_ip_addresses a SET tenant_id = p.tenant_id FROM ip_pools p WHERE p.id = a.pool_id;
ALTER TABLE sim_ip_addresses ALTER COLUMN tenant_id SET NOT NULL;

CREATE FUNCTION sim_ip_address_tenant() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.tenant_id := (SELECT p.tenant_id FROM ip_pools p WHERE p.id = NEW.pool_id);
    RETURN NEW;
END $$;
CREATE TRIGGER sim_ip_addresses_tenant BEFORE INSERT OR UPDATE ON sim_ip_addresses
    FOR EACH ROW EXECUTE FUNCTION sim_ip_address_tenant();

-- Every table that holds a tenant_id, filtered by it.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['sims', 'sim_transitions', 'jobs', 'service_profiles', 'ip_pools', 'sim_ip_addresses',
                             'sim_decisions', 'rate_buckets', 'audit_records'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_visible(tenant_id))', t);
    END LOOP;
END $$;
-- (Stock SIMs and audit records of no tenant, chain '*', have no tenant_id: only the all-tenants scope sees them.)

ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants USING (tenant_visible(id));

ALTER TABLE audit_chains ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_chains USING (tenant_visible(chain));

-- A job's failures are visible with the job (the subquery is itself filtered by the jobs policy).
ALTER TABLE job_failures ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON job_failures USING (EXISTS (SELECT 1 FROM jobs j WHERE j.id = job_id));

-- Functions that must work whatever the transaction's scope run with the owner's rights, each doing one narrow thing:
-- appending an audit record, linking records into their chains, taking a rate-limit token.
ALTER FUNCTION audit_append(text, text, text[], boolean, text, text, text, text, text, text, text, integer, jsonb)
    SECURITY DEFINER SET search_path = public, pg_temp;
ALTER FUNCTION audit_link(integer) SECURITY DEFINER SET search_path = public, pg_temp;
ALTER FUNCTION take_rate_token(text, double precision, double precision)
    SECURITY DEFINER SET search_path = public, pg_temp;
REVOKE EXECUTE ON FUNCTION audit_append(text, text, text[], boolean, text, text, text, text, text, text, text, integer,
    jsonb), audit_link(integer), take_rate_token(text, double precision, double precision) FROM PUBLIC;

-- The runtime role's rights. The audit trail is read-only to it: records are added through audit_append and linked
-- through audit_link only, so the service can neither change nor remove one (nor disable the append-only triggers,
-- which only the owner could).
GRANT USAGE ON SCHEMA public TO "${app_role}";
GRANT SELECT, INSERT, UPDATE, DELETE
    ON tenants, sims, sim_transitions, jobs, job_failures, service_profiles, ip_pools, sim_ip_addresses, sim_decisions
    TO "${app_role}";
GRANT SELECT ON audit_records, audit_chains, rate_buckets TO "${app_role}";
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "${app_role}";
GRANT EXECUTE ON FUNCTION audit_append(text, text, text[], boolean, text, text, text, text, text, text, text, integer,
    jsonb), audit_link(integer), take_rate_token(text, double precision, double precision) TO "${app_role}";
