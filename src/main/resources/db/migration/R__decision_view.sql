-- The decision view (sim_decisions): one compact row per SIM owned by a tenant, with everything the network plane
-- needs to decide a session or a message. Statement-level triggers with transition tables keep it in step with every
-- change of what it depends on, in the same transaction, set-based: a change of 100,000 SIMs is one refresh.
-- (Repeatable: Flyway applies this file again whenever it changes; it holds the live definitions.)

-- Recomputes the decisions of the given SIMs, and announces them on the channel sim_decisions. The profile part of the policy (base) is merged once per profile and
-- materialized, whatever the planner estimates: under row-level security the row estimates of the SIMs being refreshed
-- can be far too low, and an inlined base was once rescanned per SIM for minutes. Only SIMs with overrides pay for a
-- second merge. PL/pgSQL, not SQL: its statements are planned once per connection instead of on every call.
-- JIT is off in the decision view's functions: a bulk chunk of 1,000 SIMs is estimated costly enough that every call
-- compiled its expressions (hundreds of milliseconds, on every chunk), for statements that run in tens
-- (docs/benchmarks.md, "Events and webhooks, second session").
CREATE OR REPLACE FUNCTION refresh_sim_decisions(changed text[]) RETURNS void LANGUAGE plpgsql SET jit = off AS $$
BEGIN
    DELETE FROM sim_decisions d
    WHERE d.iccid = ANY (changed)
      AND NOT EXISTS (SELECT 1 FROM sims s WHERE s.iccid = d.iccid AND s.tenant_id IS NOT NULL);
    WITH target AS (
        SELECT s.iccid, s.imsi, s.msisdn, s.tenant_id, s.status, s.policy_overrides, t.status AS tenant_status,
               t.billing_day,
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
                                    imei_lock_mode, imei, static_ip, billing_day, updated_at)
    SELECT e.iccid, e.imsi, e.msisdn, e.tenant_id, e.status, e.tenant_status, e.profile_id, e.policy,
           e.policy #>> '{imei_lock,mode}', e.policy #>> '{imei_lock,imei}', e.static_ip, e.billing_day, now()
    FROM effective e
    ON CONFLICT (iccid) DO UPDATE SET
        imsi = excluded.imsi, msisdn = excluded.msisdn, tenant_id = excluded.tenant_id,
        sim_status = excluded.sim_status, tenant_status = excluded.tenant_status, profile_id = excluded.profile_id,
        policy = excluded.policy, imei_lock_mode = excluded.imei_lock_mode, imei = excluded.imei,
        static_ip = excluded.static_ip, billing_day = excluded.billing_day, updated_at = excluded.updated_at;
    -- Announces the change to the copies held in memory (delivered on commit), 300 ICCIDs per notification so that
    -- each stays well below the 8,000-byte payload limit.
    PERFORM pg_notify('sim_decisions', string_agg(c.iccid, ','))
    FROM (SELECT iccid, (row_number() OVER () - 1) / 300 AS chunk FROM unnest(changed) AS iccid) c
    GROUP BY c.chunk;
END
$$;

-- New SIMs get their decisions (stock SIMs have none: refresh_sim_decisions skips SIMs of no tenant).
CREATE OR REPLACE FUNCTION sims_changed() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
BEGIN
    PERFORM refresh_sim_decisions(ARRAY(SELECT iccid FROM changed_rows));
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER sims_inserted_refresh_decisions AFTER INSERT ON sims
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sims_changed();

-- Changed SIMs: only those whose decision inputs changed are refreshed (a rename or a label is not one). Column lists
-- cannot be combined with transition tables, so the comparison is made here. A SIM that is terminated or goes back to
-- stock gives its static address back.
CREATE OR REPLACE FUNCTION sims_updated() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
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
CREATE OR REPLACE TRIGGER sims_updated_refresh_decisions AFTER UPDATE ON sims
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sims_updated();

-- A profile's change reaches the SIMs that chose it and, for the tenant's default profile, those that chose none.
CREATE OR REPLACE FUNCTION service_profiles_changed() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
BEGIN
    PERFORM refresh_sim_decisions(ARRAY(
        SELECT s.iccid FROM sims s JOIN changed_rows p ON s.profile_id = p.id
        UNION
        SELECT s.iccid FROM sims s JOIN changed_rows p ON s.tenant_id = p.tenant_id
        WHERE s.profile_id IS NULL));
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER service_profiles_inserted_refresh_decisions AFTER INSERT ON service_profiles
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION service_profiles_changed();
CREATE OR REPLACE TRIGGER service_profiles_updated_refresh_decisions AFTER UPDATE ON service_profiles
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION service_profiles_changed();

-- A tenant suspended or resumed, or its billing day changed: its SIMs' decisions carry both.
CREATE OR REPLACE FUNCTION tenants_changed() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
BEGIN
    PERFORM refresh_sim_decisions(ARRAY(
        SELECT s.iccid FROM sims s JOIN changed_rows t ON s.tenant_id = t.id
        JOIN old_rows o ON o.id = t.id
        WHERE o.status IS DISTINCT FROM t.status OR o.billing_day IS DISTINCT FROM t.billing_day));
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER tenants_updated_refresh_decisions AFTER UPDATE ON tenants
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION tenants_changed();

-- A static address given or taken back.
CREATE OR REPLACE FUNCTION sim_ip_addresses_changed() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
BEGIN
    PERFORM refresh_sim_decisions(ARRAY(SELECT iccid FROM changed_rows));
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER sim_ip_addresses_inserted AFTER INSERT ON sim_ip_addresses
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sim_ip_addresses_changed();
CREATE OR REPLACE TRIGGER sim_ip_addresses_deleted AFTER DELETE ON sim_ip_addresses
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sim_ip_addresses_changed();
