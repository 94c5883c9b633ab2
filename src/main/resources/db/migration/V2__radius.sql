-- The data path: the packet gateways that ask Cellgate (NAS clients), their sessions, the usage they report, and the
-- access requests Cellgate refused.

-- NAS clients: the packet gateways (PGW/GGSN/SMF) registered by carrier ops. A packet is theirs when it comes from an
-- address in source; sources never overlap, so a packet has one NAS or none. The shared secret is stored encrypted
-- (AES-256-GCM, key from configuration: nonce || ciphertext || tag) and shown once, when it is set.
CREATE TABLE nas_clients (
    id         uuid PRIMARY KEY,
    name       text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'),
    source     cidr NOT NULL,
    secret     bytea NOT NULL,
    coa_port   integer NOT NULL DEFAULT 3799 CHECK (coa_port BETWEEN 1 AND 65535),
    enabled    boolean NOT NULL DEFAULT true,
    version    bigint NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT nas_clients_no_overlap EXCLUDE USING gist (source inet_ops WITH &&)
);

-- Data sessions as the NAS accounts them (RADIUS accounting), with the NAS's name at the time (tenants see that, not
-- the NAS clients). input_octets/output_octets are the highest cumulative
-- counters reported so far (with Gigawords): a retransmitted, duplicated or reordered report never lowers them, and
-- usage is what a report adds to them (last_input_delta/last_output_delta, computed under the row's lock). Every report
-- updates its session's row: no index covers a column a report changes, and pages keep room, so that the update stays
-- on its page (HOT) and touches no index.
CREATE TABLE data_sessions (
    id                uuid PRIMARY KEY,
    tenant_id         text NOT NULL,
    iccid             text COLLATE "C" NOT NULL,
    nas_id            uuid NOT NULL REFERENCES nas_clients (id),
    nas_name          text NOT NULL,
    nas_address       inet NOT NULL,
    acct_session_id   text NOT NULL CHECK (length(acct_session_id) BETWEEN 1 AND 253),
    framed_ip         inet,
    imei              text CHECK (imei ~ '^[0-9]{14,16}$'),
    apn               text,
    started_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    stopped_at        timestamptz,
    stop_cause        text,
    input_octets      bigint NOT NULL DEFAULT 0 CHECK (input_octets >= 0),
    output_octets     bigint NOT NULL DEFAULT 0 CHECK (output_octets >= 0),
    last_input_delta  bigint NOT NULL DEFAULT 0,
    last_output_delta bigint NOT NULL DEFAULT 0,
    interim_interval  integer NOT NULL,
    disconnect        jsonb,
    CONSTRAINT data_sessions_per_nas UNIQUE (nas_id, acct_session_id)
) WITH (fillfactor = 70);
CREATE INDEX data_sessions_by_sim ON data_sessions (iccid, tenant_id, started_at DESC, id);

-- Usage per SIM, tenant and period (the first day of a UTC calendar month): exact integers, bytes and counts.
-- data_warned holds the warning thresholds (percent) already recorded in the period, data_limit_reached_at when the
-- data limit was reached in it.
CREATE TABLE usage_counters (
    tenant_id             text NOT NULL,
    iccid                 text COLLATE "C" NOT NULL,
    period                date NOT NULL CHECK (extract(day FROM period) = 1),
    data_bytes_up         bigint NOT NULL DEFAULT 0 CHECK (data_bytes_up >= 0),
    data_bytes_down       bigint NOT NULL DEFAULT 0 CHECK (data_bytes_down >= 0),
    sms_mo                bigint NOT NULL DEFAULT 0 CHECK (sms_mo >= 0),
    sms_mt                bigint NOT NULL DEFAULT 0 CHECK (sms_mt >= 0),
    voice_seconds         bigint NOT NULL DEFAULT 0 CHECK (voice_seconds >= 0),
    data_warned           integer[] NOT NULL DEFAULT '{}',
    data_limit_reached_at timestamptz,
    PRIMARY KEY (tenant_id, period, iccid)
) WITH (fillfactor = 70);
CREATE INDEX usage_counters_by_sim ON usage_counters (iccid, period);

-- Access-Requests that Cellgate refused, kept for the SIM's tenant (requests for SIMs of no tenant are only counted).
CREATE TABLE auth_events (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id text NOT NULL,
    iccid     text COLLATE "C" NOT NULL,
    at        timestamptz NOT NULL,
    reason    text NOT NULL,
    nas_name  text NOT NULL,
    apn       text,
    imei      text,
    rat_type  integer
);
CREATE INDEX auth_events_by_sim ON auth_events (iccid, tenant_id, id);

GRANT SELECT, INSERT, UPDATE, DELETE ON nas_clients, data_sessions, usage_counters, auth_events TO "${app_role}";
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "${app_role}";
