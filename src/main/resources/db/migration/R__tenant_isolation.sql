-- Tenant isolation: what the row-level security policies (created in V5) ask, and the one-statement scoped SIM read.
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
