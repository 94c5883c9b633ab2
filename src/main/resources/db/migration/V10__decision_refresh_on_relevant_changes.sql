-- A SIM's name and labels are not part of its decision row, yet every UPDATE of sims refreshed the row (about 2 ms,
-- most of a rename's cost, and a second row's WAL in its commit). Updates now refresh only the SIMs whose decision
-- inputs changed. Column lists cannot be combined with transition tables, so the comparison is made here.
CREATE FUNCTION sims_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM sim_ip_addresses a USING changed_rows c
    WHERE a.iccid = c.iccid AND c.status IN ('terminated', 'stock');
    PERFORM refresh_sim_decisions(ARRAY(
        SELECT n.iccid FROM changed_rows n LEFT JOIN old_rows o ON o.iccid = n.iccid
        WHERE (n.imsi, n.msisdn, n.tenant_id, n.status, n.profile_id, n.policy_overrides)
              IS DISTINCT FROM (o.imsi, o.msisdn, o.tenant_id, o.status, o.profile_id, o.policy_overrides)
        UNION ALL
        -- an ICCID that was changed away from leaves its old decision row to be removed
        SELECT o.iccid FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM changed_rows n WHERE n.iccid = o.iccid)));
    RETURN NULL;
END $$;

DROP TRIGGER sims_updated_refresh_decisions ON sims;
CREATE TRIGGER sims_updated_refresh_decisions AFTER UPDATE ON sims
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sims_updated();
