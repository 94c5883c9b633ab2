-- Cellgate's tables. Versioned migrations (V<n>__*.sql) hold tables, indexes and data changes, one file per change,
-- never edited once released. The behaviour of the database (functions, triggers, row-level security policies) is in
-- the repeatable migrations (R__*.sql), each object defined once: Flyway applies them after every versioned one, and
-- again whenever one changes, so a versioned migration must not depend on them.
-- (The migrations of the development builds before the first release are consolidated into this baseline.)

-- Tenants: IoT businesses. The id is a slug chosen by carrier ops and carried in access tokens.
CREATE TABLE tenants (
    id                      text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{1,62}$'),
    name                    text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    status                  text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    max_sims                integer CHECK (max_sims >= 0),
    api_requests_per_second integer CHECK (api_requests_per_second > 0),
    api_burst               integer CHECK (api_burst > 0),
    sms_per_second          integer CHECK (sms_per_second > 0),
    version                 bigint NOT NULL DEFAULT 0,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);

-- Service profiles: a tenant's named templates of connectivity policy; at most one is the tenant's default.
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
CREATE UNIQUE INDEX service_profiles_one_default ON service_profiles (tenant_id) WHERE is_default;

-- SIMs. Authentication keys (Ki/OPc) are never stored here: they belong to the HSS. A SIM follows one profile (null:
-- the tenant's default profile, if any) plus its own overrides. "C" collation keeps ICCID prefix filters and keyset
-- paging on plain b-tree indexes.
CREATE TABLE sims (
    iccid            text COLLATE "C" PRIMARY KEY CHECK (iccid ~ '^[0-9]{19,20}$'),
    imsi             text COLLATE "C" NOT NULL UNIQUE CHECK (imsi ~ '^[0-9]{15}$'),
    msisdn           text COLLATE "C" UNIQUE CHECK (msisdn ~ '^\+[1-9][0-9]{6,14}$'),
    tenant_id        text REFERENCES tenants (id),
    status           text NOT NULL DEFAULT 'stock'
                     CHECK (status IN ('stock', 'ready', 'active', 'suspended', 'terminated')),
    name             text CHECK (length(name) <= 200),
    labels           jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(labels) = 'object'),
    version          bigint NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    activated_at     timestamptz,
    profile_id       uuid REFERENCES service_profiles (id),
    policy_overrides jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(policy_overrides) = 'object'),
    imei_last_seen   text CHECK (imei_last_seen ~ '^[0-9]{14,16}$'),
    -- a SIM in stock belongs to nobody; every other SIM belongs to exactly one tenant
    CONSTRAINT sims_owner_matches_status CHECK ((tenant_id IS NULL) = (status = 'stock'))
);
CREATE INDEX sims_by_tenant ON sims (tenant_id, iccid);
CREATE INDEX sims_by_tenant_status ON sims (tenant_id, status, iccid);
CREATE INDEX sims_by_labels ON sims USING gin (labels jsonb_path_ops);
CREATE INDEX sims_by_profile ON sims (profile_id) WHERE profile_id IS NOT NULL;

-- Every lifecycle change, written in the same transaction as the change itself. tenant_id is the tenant that owned
-- the SIM at that moment: a later owner never sees an earlier one's history.
CREATE TABLE sim_transitions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    iccid       text COLLATE "C" NOT NULL REFERENCES sims (iccid),
    tenant_id   text NOT NULL REFERENCES tenants (id),
    action      text NOT NULL,
    from_status text NOT NULL,
    to_status   text NOT NULL,
    actor       text NOT NULL,
    job_id      uuid,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sim_transitions_by_sim ON sim_transitions (iccid, tenant_id, id);

-- Asynchronous jobs. targets is the sorted, de-duplicated list of keys (of target_kind, e.g. ICCIDs) fixed at
-- submission; processed is how many of them are done, so a job resumes exactly where it stopped.
CREATE TABLE jobs (
    id              uuid PRIMARY KEY,
    tenant_id       text NOT NULL REFERENCES tenants (id),
    kind            text NOT NULL,
    target_kind     text NOT NULL,
    action          text NOT NULL,
    status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed')),
    targets         text[] NOT NULL,
    total           integer NOT NULL,
    processed       integer NOT NULL DEFAULT 0,
    succeeded       integer NOT NULL DEFAULT 0,
    failed          integer NOT NULL DEFAULT 0,
    parameters      jsonb NOT NULL DEFAULT '{}'::jsonb,
    idempotency_key text,
    request_hash    text,
    created_by      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    lease_until     timestamptz,
    CONSTRAINT jobs_idempotency UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX jobs_pending ON jobs (created_at) WHERE status <> 'completed';
CREATE INDEX jobs_by_tenant ON jobs (tenant_id, created_at DESC, id DESC);

CREATE TABLE job_failures (
    job_id         uuid NOT NULL REFERENCES jobs (id),
    target         text COLLATE "C" NOT NULL,
    reason         text NOT NULL,
    current_status text,
    PRIMARY KEY (job_id, target)
);

-- Private IPv4 pools that carrier ops give to tenants; pools never overlap, whichever tenants they belong to.
CREATE TABLE ip_pools (
    id         uuid PRIMARY KEY,
    tenant_id  text NOT NULL REFERENCES tenants (id),
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    cidr       cidr NOT NULL CHECK (family(cidr) = 4 AND masklen(cidr) BETWEEN 8 AND 30),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ip_pools_no_overlap EXCLUDE USING gist (cidr inet_ops WITH &&)
);
CREATE INDEX ip_pools_by_tenant ON ip_pools (tenant_id, name);

-- Static addresses: one per SIM, and an address belongs to at most one SIM. tenant_id is the pool's (a trigger sets
-- it), so that the row-level security policy needs no join.
CREATE TABLE sim_ip_addresses (
    iccid       text COLLATE "C" PRIMARY KEY REFERENCES sims (iccid),
    pool_id     uuid NOT NULL REFERENCES ip_pools (id),
    address     inet NOT NULL UNIQUE CHECK (masklen(address) = 32),
    assigned_at timestamptz NOT NULL DEFAULT now(),
    tenant_id   text NOT NULL
);
CREATE INDEX sim_ip_addresses_by_pool ON sim_ip_addresses (pool_id, address);

-- The decision view: one compact row per SIM owned by a tenant, with everything the network plane needs to decide a
-- session or a message. Only the database writes it (R__decision_view.sql).
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

-- Per-tenant API rate limits shared by every replica: one token bucket per tenant. UNLOGGED: a bucket is worth nothing
-- after a crash (it refills within seconds) and must not cost WAL per request.
CREATE UNLOGGED TABLE rate_buckets (
    tenant_id  text PRIMARY KEY,
    tokens     double precision NOT NULL,
    updated_at timestamptz NOT NULL
);

-- The audit trail: one record per mutating or carrier-ops request, append-only and hash-chained per tenant. chain is
-- the tenant id, or '*' for records of no tenant. A record is written without seq and hashes in the transaction of its
-- request (writers never wait for each other) and linked into its chain within a second (audit_link).
CREATE TABLE audit_records (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    chain      text NOT NULL,
    seq        bigint,
    at         timestamptz NOT NULL,
    tenant_id  text,
    subject    text NOT NULL,
    roles      text[] NOT NULL,
    mfa        boolean NOT NULL,
    client_ip  text,
    user_agent text,
    request_id text,
    action     text NOT NULL,
    method     text NOT NULL,
    target     text NOT NULL,
    outcome    text NOT NULL CHECK (outcome IN ('success', 'refused', 'failed')),
    status     integer,
    changes    jsonb,
    prev_hash  bytea,
    hash       bytea,
    CONSTRAINT audit_records_chain_seq UNIQUE (chain, seq)
);
CREATE INDEX audit_records_by_tenant ON audit_records (tenant_id, id);
CREATE INDEX audit_records_unlinked ON audit_records (chain, id) WHERE hash IS NULL;

-- The head of each chain; locking it orders the linking of a chain.
CREATE TABLE audit_chains (
    chain text PRIMARY KEY,
    seq   bigint NOT NULL,
    hash  bytea NOT NULL
);

-- The service runs as ${app_role}: it owns nothing, cannot bypass row-level security, and the audit trail is read-only
-- to it (records are added and linked only through audit_append and audit_link, which run with the owner's rights).
GRANT USAGE ON SCHEMA public TO "${app_role}";
GRANT SELECT, INSERT, UPDATE, DELETE
    ON tenants, sims, sim_transitions, jobs, job_failures, service_profiles, ip_pools, sim_ip_addresses, sim_decisions
    TO "${app_role}";
GRANT SELECT ON audit_records, audit_chains, rate_buckets TO "${app_role}";
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "${app_role}";
