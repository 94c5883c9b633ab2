-- Connectivity policy: service profiles, per-SIM overrides, static IPs and the decision view the network plane reads.

-- Deep merge of policy documents: objects merge key by key, anything else (scalars, arrays) is replaced.
CREATE FUNCTION policy_merge(base jsonb, layer jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN layer IS NULL THEN base
        WHEN base IS NULL THEN layer
        WHEN jsonb_typeof(base) = 'object' AND jsonb_typeof(layer) = 'object' THEN (
            SELECT coalesce(jsonb_object_agg(coalesce(b.key, o.key), policy_merge(b.value, o.value)), '{}'::jsonb)
            FROM jsonb_each(base) b FULL JOIN jsonb_each(layer) o ON b.key = o.key)
        ELSE layer
    END $$;

-- What applies when neither the profile nor the SIM says otherwise: secure where it matters
-- (no person-to-person SMS, no voice), open where the tenant must decide (data, APNs, destinations).
CREATE FUNCTION policy_defaults() RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT '{
        "data":  {"enabled": true, "apns": [], "destinations": []},
        "sms":   {"mo_enabled": true, "mt_enabled": true, "p2p_blocked": true, "p2p_allowed_numbers": []},
        "voice": {"enabled": false, "allowed_numbers": []},
        "limits": {},
        "imei_lock": {"mode": "off"}
    }'::jsonb $$;

CREATE TABLE service_profiles (
    id          uuid PRIMARY KEY,
    tenant_id   text NOT NULL REFERENCES tenants (id),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    description text CHECK (length(description) <= 500),
    is_default  boolean NOT NULL DEFAULT false,
    policy      jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(policy) = 'object'),
    version     bigint NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT service_profiles_name UNIQUE (tenant_id, name)
);
-- at most one default profile per tenant
CREATE UNIQUE INDEX service_profiles_one_default ON service_profiles (tenant_id) WHERE is_default;

-- A SIM follows one profile (null: the tenant's default profile) plus its own overrides.
ALTER TABLE sims
    ADD COLUMN profile_id       uuid REFERENCES service_profiles (id),
    ADD COLUMN policy_overrides jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(policy_overrides) = 'object'),
    ADD COLUMN imei_last_seen   text CHECK (imei_last_seen ~ '^[0-9]{14,16}$');
CREATE INDEX sims_by_profile ON sims (profile_id) WHERE profile_id IS NOT NULL;

-- Static private IPv4 addresses, from pools that carrier ops give to tenants.
CREATE TABLE ip_pools (
    id         uuid PRIMARY KEY,
    tenant_id  text NOT NULL REFERENCES tenants (id),
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    cidr       cidr NOT NULL CHECK (family(cidr) = 4 AND masklen(cidr) BETWEEN 8 AND 30),
    created_at timestamptz NOT NULL DEFAULT now(),
    -- pools never overlap, whichever tenants they belong to
    CONSTRAINT ip_pools_no_overlap EXCLUDE USING gist (cidr inet_ops WITH &&)
);
CREATE INDEX ip_pools_by_tenant ON ip_pools (tenant_id, name);

-- One address per SIM, and an address belongs to at most one SIM.
CREATE TABLE sim_ip_addresses (
    iccid       text COLLATE "C" PRIMARY KEY REFERENCES sims (iccid),
    pool_id     uuid NOT NULL REFERENCES ip_pools (id),
    address     inet NOT NULL UNIQUE CHECK (masklen(address) = 32),
    assigned_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sim_ip_addresses_by_pool ON sim_ip_addresses (pool_id, address);

-- The database itself refuses an address outside its pool, a pool's network or broadcast address, and an address
-- from another tenant's pool.
CREATE FUNCTION check_sim_ip_address() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    pool ip_pools;
BEGIN
    SELECT * INTO pool FROM ip_pools WHERE id = NEW.pool_id;
    IF NOT (NEW.address << pool.cidr) OR host(NEW.address) = host(network(pool.cidr))
            OR host(NEW.address) = host(broadcast(pool.cidr)) THEN
        RAISE EXCEPTION 'address % is not a host address of pool %', NEW.address, pool.cidr USING ERRCODE = '23514';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM sims WHERE iccid = NEW.iccid AND tenant_id = pool.tenant_id) THEN
        RAISE EXCEPTION 'SIM % does not belong to the tenant of pool %', NEW.iccid, pool.id USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER sim_ip_addresses_checked BEFORE INSERT OR UPDATE ON sim_ip_addresses
    FOR EACH ROW EXECUTE FUNCTION check_sim_ip_address();

-- The decision view: one compact row per SIM owned by a tenant, with everything the network plane needs to
-- decide a session or a message. Triggers keep it in step with every change, in the same transaction.
CREATE TABLE sim_decisions (
    iccid          text COLLATE "C" PRIMARY KEY,
    imsi           text COLLATE "C" NOT NULL UNIQUE,
    msisdn         text COLLATE "C",
    tenant_id      text NOT NULL,
    sim_status     text NOT NULL,
    tenant_status  text NOT NULL,
    profile_id     uuid,
    policy         jsonb NOT NULL,
    imei_lock_mode text NOT NULL,
    imei           text,
    static_ip      inet,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sim_decisions_by_tenant ON sim_decisions (tenant_id);

-- Recomputes the decisions of the given SIMs. The profile part of the policy is merged once per profile; only SIMs
-- with overrides pay for a second merge, so a profile change reaching 100,000 SIMs stays one cheap statement.
-- PL/pgSQL, not SQL: its statements are planned once per connection instead of on every call (15 ms a call).
CREATE FUNCTION refresh_sim_decisions(changed text[]) RETURNS void LANGUAGE plpgsql AS $$
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
    ), base AS (
        SELECT p.id, policy_merge(policy_defaults(), p.policy) AS policy
        FROM service_profiles p WHERE p.id IN (SELECT profile_id FROM target)
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

-- Statement-level triggers with transition tables: a bulk change of 100,000 SIMs refreshes their decisions in one
-- set-based statement, not 100,000 row triggers. A SIM that is terminated or goes back to stock gives its address back.
CREATE FUNCTION sims_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM sim_ip_addresses a USING changed_rows c
    WHERE a.iccid = c.iccid AND c.status IN ('terminated', 'stock');
    PERFORM refresh_sim_decisions(ARRAY(SELECT iccid FROM changed_rows));
    RETURN NULL;
END $$;

CREATE TRIGGER sims_inserted_refresh_decisions AFTER INSERT ON sims
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sims_changed();
CREATE TRIGGER sims_updated_refresh_decisions AFTER UPDATE ON sims
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sims_changed();

CREATE FUNCTION service_profiles_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_sim_decisions(ARRAY(
        SELECT s.iccid FROM sims s JOIN changed_rows p ON s.profile_id = p.id
        UNION
        SELECT s.iccid FROM sims s JOIN changed_rows p ON s.tenant_id = p.tenant_id
        WHERE s.profile_id IS NULL));
    RETURN NULL;
END $$;
CREATE TRIGGER service_profiles_inserted_refresh_decisions AFTER INSERT ON service_profiles
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION service_profiles_changed();
CREATE TRIGGER service_profiles_updated_refresh_decisions AFTER UPDATE ON service_profiles
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION service_profiles_changed();

CREATE FUNCTION tenants_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_sim_decisions(ARRAY(
        SELECT s.iccid FROM sims s JOIN changed_rows t ON s.tenant_id = t.id
        JOIN old_rows o ON o.id = t.id WHERE o.status IS DISTINCT FROM t.status));
    RETURN NULL;
END $$;
CREATE TRIGGER tenants_updated_refresh_decisions AFTER UPDATE ON tenants
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION tenants_changed();

CREATE FUNCTION sim_ip_addresses_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_sim_decisions(ARRAY(SELECT iccid FROM changed_rows));
    RETURN NULL;
END $$;
CREATE TRIGGER sim_ip_addresses_inserted AFTER INSERT ON sim_ip_addresses
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sim_ip_addresses_changed();
CREATE TRIGGER sim_ip_addresses_deleted AFTER DELETE ON sim_ip_addresses
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sim_ip_addresses_changed();

-- Job parameters (e.g. the pool of a bulk IP assignment).
ALTER TABLE jobs ADD COLUMN parameters jsonb NOT NULL DEFAULT '{}'::jsonb;

-- SIMs that already belong to tenants get their decisions now.
SELECT refresh_sim_decisions(ARRAY(SELECT iccid FROM sims WHERE tenant_id IS NOT NULL));
