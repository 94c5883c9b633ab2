-- Domain events: what happened to a tenant's SIMs and jobs, written by the database in the transaction of the change
-- that caused it (R__events.sql), listed by cursor and pushed to webhooks. An event is kept for the retention period
-- (30 days by default), then removed in the background.
--
-- position orders a tenant's events by commit: tx is the writing transaction, and a reader takes only events of
-- transactions older than every transaction still running (pg_snapshot_xmin), so that an event committed later can
-- never appear before a cursor already handed out. seq numbers each SIM's events within its tenant without gaps, in
-- the order they were committed (its counter row stays locked until the commit). No foreign key to tenants: an event
-- must not wait for a tenant's row lock (a bulk assignment or a tenant update holds it for a while).
CREATE TABLE events (
    id        uuid PRIMARY KEY,
    position  bigint GENERATED ALWAYS AS IDENTITY,
    tx        xid8 NOT NULL DEFAULT pg_current_xact_id(),
    tenant_id text NOT NULL,
    iccid     text COLLATE "C",
    seq       bigint CHECK ((iccid IS NULL) = (seq IS NULL)),
    type      text NOT NULL CHECK (type ~ '^[a-z_]+\.[a-z_]+$'),
    at        timestamptz NOT NULL DEFAULT now(),
    data      jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object')
);
CREATE INDEX events_by_tenant ON events (tenant_id, tx, position);
CREATE INDEX events_by_sim ON events (tenant_id, iccid, tx, position) WHERE iccid IS NOT NULL;
CREATE INDEX events_by_time ON events (at);
-- What is new since a position: how every replica learns that tenants have new events (no NOTIFY, which would make
-- the commits of the network plane's transactions wait for each other).
CREATE INDEX events_by_position ON events (position);

-- An event to write: what emit_events (R__events.sql) takes, one per array element.
CREATE TYPE new_event AS (tenant_id text, iccid text, type text, data jsonb);

-- The last event number of each SIM of each tenant (a SIM that changes hands starts again at its new tenant).
CREATE TABLE event_sequences (
    tenant_id text NOT NULL,
    iccid     text COLLATE "C" NOT NULL,
    last_seq  bigint NOT NULL,
    PRIMARY KEY (tenant_id, iccid)
);

-- A quota refusal is announced once per tenant, quota and window, however often it is refused meanwhile.
CREATE TABLE quota_breaches (
    tenant_id      text NOT NULL,
    quota          text NOT NULL,
    last_announced timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, quota)
);

-- UPDATE only for the row locks of the retention (FOR UPDATE SKIP LOCKED); nothing updates an event.
GRANT SELECT, INSERT, UPDATE, DELETE ON events TO "${app_role}";
GRANT SELECT, INSERT, UPDATE ON event_sequences, quota_breaches TO "${app_role}";
