-- Online charging (README, "Connect your core network: online charging"): the network functions carrier ops register,
-- the rating groups they configure, and the charging sessions of the SIMs with their reservations. The functions that
-- grant and count are in R__charging.sql and R__usage.sql.

-- The voice limit's thresholds, recorded once per period as the data and SMS limits' are.
ALTER TABLE usage_counters ADD COLUMN voice_warned integer[] NOT NULL DEFAULT '{}';
ALTER TABLE usage_counters ADD COLUMN voice_limit_reached_at timestamptz;

-- A network function (SMF, SMSF, IMS) allowed to ask: its OAuth2 client (client credentials, realm role nf-charging).
CREATE TABLE charging_functions (
    id         uuid PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    client_id  text NOT NULL UNIQUE,
    enabled    boolean NOT NULL DEFAULT true,
    version    bigint NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- What a rating group counts: voice seconds, SMS or data bytes.
CREATE TABLE rating_groups (
    rating_group bigint PRIMARY KEY CHECK (rating_group BETWEEN 0 AND 4294967295),
    service      text NOT NULL CHECK (service IN ('voice', 'sms', 'data')),
    description  text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- A charging session (the ChargingDataRef): the last invocation's sequence number and outcome, so that a retried
-- request gets the same answer and is counted once.
CREATE TABLE charging_sessions (
    ref           uuid PRIMARY KEY,
    function_id   uuid NOT NULL REFERENCES charging_functions,
    tenant_id     text NOT NULL,
    iccid         text COLLATE "C" NOT NULL,
    last_sequence bigint NOT NULL,
    last_outcome  jsonb NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    released_at   timestamptz
);
CREATE INDEX charging_sessions_live ON charging_sessions (updated_at) WHERE released_at IS NULL;

-- Units granted to a session and not reported as used yet. Until it expires, a reservation counts against what is
-- left of its SIM's limit; an expired one counts no more (its network function went away).
CREATE TABLE charging_reservations (
    session_ref  uuid NOT NULL REFERENCES charging_sessions ON DELETE CASCADE,
    rating_group bigint NOT NULL,
    tenant_id    text NOT NULL,
    iccid        text COLLATE "C" NOT NULL,
    service      text NOT NULL CHECK (service IN ('voice', 'sms', 'data')),
    units        bigint NOT NULL CHECK (units > 0),
    expires_at   timestamptz NOT NULL,
    PRIMARY KEY (session_ref, rating_group)
);
CREATE INDEX charging_reservations_by_sim ON charging_reservations (iccid, service);

GRANT SELECT, INSERT, UPDATE, DELETE ON charging_functions, rating_groups, charging_sessions, charging_reservations
    TO "${app_role}";
