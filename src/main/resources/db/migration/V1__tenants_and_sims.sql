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

-- SIMs. Authentication keys (Ki/OPc) are never stored here: they belong to the HSS.
-- "C" collation keeps ICCID prefix filters and keyset paging on plain b-tree indexes.
CREATE TABLE sims (
    iccid        text COLLATE "C" PRIMARY KEY CHECK (iccid ~ '^[0-9]{19,20}$'),
    imsi         text COLLATE "C" NOT NULL UNIQUE CHECK (imsi ~ '^[0-9]{15}$'),
    msisdn       text COLLATE "C" UNIQUE CHECK (msisdn ~ '^\+[1-9][0-9]{6,14}$'),
    tenant_id    text REFERENCES tenants (id),
    status       text NOT NULL DEFAULT 'stock'
                 CHECK (status IN ('stock', 'ready', 'active', 'suspended', 'terminated')),
    name         text CHECK (length(name) <= 200),
    labels       jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(labels) = 'object'),
    version      bigint NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    activated_at timestamptz,
    -- a SIM in stock belongs to nobody; every other SIM belongs to exactly one tenant
    CONSTRAINT sims_owner_matches_status CHECK ((tenant_id IS NULL) = (status = 'stock'))
);
CREATE INDEX sims_by_tenant ON sims (tenant_id, iccid);
CREATE INDEX sims_by_tenant_status ON sims (tenant_id, status, iccid);
CREATE INDEX sims_by_labels ON sims USING gin (labels jsonb_path_ops);

-- Every lifecycle change, written in the same transaction as the change itself.
-- tenant_id is the tenant that owned the SIM at that moment: a later owner never sees an earlier one's history.
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

-- Asynchronous jobs (bulk actions). targets is the sorted, de-duplicated ICCID list fixed at submission;
-- processed is how many of them are done, so a job resumes exactly where it stopped.
CREATE TABLE jobs (
    id              uuid PRIMARY KEY,
    tenant_id       text NOT NULL REFERENCES tenants (id),
    kind            text NOT NULL,
    action          text NOT NULL,
    status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed')),
    targets         text[] NOT NULL,
    total           integer NOT NULL,
    processed       integer NOT NULL DEFAULT 0,
    succeeded       integer NOT NULL DEFAULT 0,
    failed          integer NOT NULL DEFAULT 0,
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

CREATE TABLE job_failures (
    job_id         uuid NOT NULL REFERENCES jobs (id),
    iccid          text COLLATE "C" NOT NULL,
    reason         text NOT NULL,
    current_status text,
    PRIMARY KEY (job_id, iccid)
);
