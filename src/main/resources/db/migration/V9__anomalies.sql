-- Anomaly detection (package anomaly): each tenant's settings of the rules, where the detector stands in each tenant's
-- events, what it has learned of each SIM, and each SIM's daily data usage against its own baseline.

-- The radio access type of a data session (3GPP-RAT-Type, TS 29.061), as its accounting reported it. The check is
-- validated apart, so that adding it does not hold the sessions' table locked while it reads every row.
ALTER TABLE data_sessions ADD COLUMN rat_type integer;
ALTER TABLE data_sessions ADD CONSTRAINT data_sessions_rat_type CHECK (rat_type BETWEEN 0 AND 255) NOT VALID;
ALTER TABLE data_sessions VALIDATE CONSTRAINT data_sessions_rat_type;

-- A tenant's changes to the rules' defaults (absent: every rule as the service defaults it).
CREATE TABLE anomaly_rules (
    tenant_id  text PRIMARY KEY REFERENCES tenants (id),
    rules      jsonb NOT NULL CHECK (jsonb_typeof(rules) = 'object'),
    version    bigint NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Where the detector stands in each tenant's events, as a reader's cursor (transaction, position). A tenant without a
-- row is read from its first event; the tenants that exist now are read from now on, not from their history.
CREATE TABLE anomaly_cursors (
    tenant_id text PRIMARY KEY,
    tx        xid8 NOT NULL,
    position  bigint NOT NULL
);
INSERT INTO anomaly_cursors (tenant_id, tx, position) SELECT id, pg_current_xact_id(), 0 FROM tenants;

-- What the detector has learned of a SIM from its events: the device it was last used in, the APNs and radio access
-- types its sessions came from, those it raised as outside the tenant's expected ones, its recent refused requests (a
-- burst is that many within the rule's window) and when it last raised a burst. Removed when the SIM leaves the
-- tenant (R__anomalies.sql).
CREATE TABLE anomaly_sim_watch (
    tenant_id         text NOT NULL,
    iccid             text COLLATE "C" NOT NULL,
    imei              text,
    apns              text[] NOT NULL DEFAULT '{}',
    rat_types         integer[] NOT NULL DEFAULT '{}',
    flagged_apns      text[] NOT NULL DEFAULT '{}',
    flagged_rat_types integer[] NOT NULL DEFAULT '{}',
    rejected_at       timestamptz[] NOT NULL DEFAULT '{}',
    burst_raised_at   timestamptz,
    PRIMARY KEY (tenant_id, iccid)
);

-- A SIM's data usage on one UTC day and its baseline: an exponentially weighted moving average of its earlier days
-- with data, in whole bytes (R__anomalies.sql). mark_period/mark_bytes are its usage counter as last read: what the
-- counter has grown by since is the day's. A day counted from its start (day_complete) enters the baseline when the day
-- is over, if it had data; baseline_days says how many days it holds. raised_on: the day a spike was last raised.
-- Removed when the SIM leaves the tenant.
CREATE TABLE data_usage_baselines (
    tenant_id      text NOT NULL,
    iccid          text COLLATE "C" NOT NULL,
    day            date NOT NULL,
    day_bytes      bigint NOT NULL CHECK (day_bytes >= 0),
    day_complete   boolean NOT NULL,
    mark_period    date NOT NULL,
    mark_bytes     bigint NOT NULL CHECK (mark_bytes >= 0),
    baseline_bytes bigint CHECK (baseline_bytes >= 0),
    baseline_days  integer NOT NULL DEFAULT 0 CHECK (baseline_days >= 0),
    raised_on      date,
    PRIMARY KEY (tenant_id, iccid)
);

-- When each tenant's usage counters were last read into the baselines: after a longer gap than a day, what they grew
-- by cannot be placed in a day, and the SIMs start counting afresh.
CREATE TABLE usage_scans (
    tenant_id  text PRIMARY KEY,
    scanned_at timestamptz NOT NULL
);

GRANT SELECT, INSERT, UPDATE, DELETE ON anomaly_rules, anomaly_cursors, anomaly_sim_watch, data_usage_baselines,
    usage_scans TO "${app_role}";
