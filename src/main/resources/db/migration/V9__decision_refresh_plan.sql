-- The decision-view refresh again, with its plan shape fixed: the profile part (base) is computed once, whatever the
-- planner estimates. Under row-level security the row estimates of the SIMs being refreshed can be far too low, and
-- the planner then inlined base into a nested loop over every SIM, rescanning the 110,000-row target set (spilled to
-- disk) once per SIM: a profile created as default for such a tenant did not finish in minutes.
CREATE OR REPLACE FUNCTION refresh_sim_decisions(changed text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM sim_decisions d
    WHERE d.iccid = ANY (changed)
      AND NOT EXISTS (SELECT 1 FROM sims s WHERE s.iccid = d.iccid AND s.tenant_id IS NOT NULL);
    WITH target AS (
        SELECT s.iccid, s.imsi, s.msisdn, s.tenant_id, s.status, s.policy_overrides, t.status AS tenant_status,
               coalesce(s.profile_id, dp.id) AS profile_id, ip.address AS static_ip
        FROM sims s
        JOIN tenants t ON t.id = s.tenant_id
        LEFT JOIN service_profiles dp ON dp.tenant_id = s.tenant_id AND dp.is_default
        LEFT JOIN sim_ip_addresses ip ON ip.iccid = s.iccid
        WHERE s.iccid = ANY (changed)
    ), base AS MATERIALIZED (
        SELECT p.id, policy_merge(policy_defaults(), p.policy) AS policy
        FROM service_profiles p WHERE p.id IN (SELECT DISTINCT profile_id FROM target)
    ), effective AS (
        SELECT t.*, CASE WHEN t.policy_overrides = '{}'::jsonb THEN coalesce(b.policy, policy_defaults())
                         ELSE policy_merge(coalesce(b.policy, policy_defaults()), t.policy_overrides) END AS policy
        FROM target t LEFT JOIN base b ON b.id = t.profile_id
    )
    INSERT INTO sim_decisions AS d (iccid, imsi, msisdn, tenant_id, sim_status, tenant_status, profile_id, policy,
                                    imei_lock_mode, imei, static_ip, updated_at)
    SELECT e.iccid, e.imsi, e.msisdn, e.tenant_id, e.status, e.tenant_status, e.profile_id, e.policy,
           e.policy #>> '{imei_lock,mode}', e.policy #>> '{imei_lock,imei}', e.static_ip, now()
    FROM effective e
    ON CONFLICT (iccid) DO UPDATE SET
        imsi = excluded.imsi, msisdn = excluded.msisdn, tenant_id = excluded.tenant_id,
        sim_status = excluded.sim_status, tenant_status = excluded.tenant_status, profile_id = excluded.profile_id,
        policy = excluded.policy, imei_lock_mode = excluded.imei_lock_mode, imei = excluded.imei,
        static_ip = excluded.static_ip, updated_at = excluded.updated_at;
END
$$;
