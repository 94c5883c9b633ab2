-- GET /api/v1/sims/{iccid}, the hottest management read, as one statement instead of four (BEGIN, scope, SELECT,
-- COMMIT): the function opens the tenant's scope for its own statement and reads the SIM under row-level security.
-- The scope is transaction-local, so it ends with the statement; call it only outside an explicit transaction.
CREATE FUNCTION scoped_sim(p_scope text, p_iccid text) RETURNS SETOF sims LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('cellgate.tenant', p_scope, true);
    RETURN QUERY SELECT * FROM sims WHERE iccid = p_iccid AND (p_scope = '*' OR tenant_id = p_scope);
END $$;
