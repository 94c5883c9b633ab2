-- The same tenant policy, written so that the planner can estimate it: "tenant_id = <setting>" is estimated from the
-- column's statistics, while the form of V5 ("<setting> IN (tenant_id, '*')") was taken to match almost no row. With
-- that estimate, the decision-view refresh of a profile change reaching 110,000 SIMs chose nested loops over the
-- whole set and ran for minutes instead of about a second.
CREATE OR REPLACE FUNCTION tenant_visible(row_tenant text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT row_tenant = current_setting('cellgate.tenant', true) OR current_setting('cellgate.tenant', true) = '*'
$$;
