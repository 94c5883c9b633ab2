-- Webhooks: a tenant's endpoints, the deliveries of its events to them (one per event and endpoint), and every
-- attempt of each delivery. The signing secrets are stored encrypted (AES-256-GCM, like the NAS clients' secrets);
-- after a rotation the previous one stays valid, and is signed with, until previous_secret_until.
CREATE TABLE webhooks (
    id                    uuid PRIMARY KEY,
    tenant_id             text NOT NULL REFERENCES tenants (id),
    url                   text NOT NULL CHECK (length(url) BETWEEN 8 AND 2000),
    description           text CHECK (length(description) <= 500),
    event_types           text[] NOT NULL DEFAULT '{}',
    enabled               boolean NOT NULL DEFAULT true,
    disabled_reason       text,
    disabled_at           timestamptz,
    secret                bytea NOT NULL,
    previous_secret       bytea,
    previous_secret_until timestamptz,
    failing_since         timestamptz,
    consecutive_failures  integer NOT NULL DEFAULT 0,
    version               bigint NOT NULL DEFAULT 0,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhooks_by_tenant ON webhooks (tenant_id, created_at, id);

-- A delivery lives as long as its event (the events' retention removes both), or until its webhook is deleted. No
-- foreign key to webhooks: queueing a delivery (in the transaction of any change) must not wait for, or fail with, a
-- webhook being deleted at that moment; the claim sends only deliveries of existing webhooks. It is due at next_attempt_at while
-- pending; one being sent is claimed until lease_until (a replica that
-- stops mid-send gives it back when the lease runs out). A SIM's deliveries to one endpoint go in the order of its
-- events (seq): one is sent only when none before it is still pending or being sent.
CREATE TABLE webhook_deliveries (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook_id       uuid NOT NULL,
    tenant_id        text NOT NULL,
    event_id         uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    iccid            text COLLATE "C",
    seq              bigint,
    state            text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'succeeded', 'failed')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    lease_until      timestamptz,
    first_attempt_at timestamptz,
    finished_at      timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (webhook_id, next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_open_by_sim ON webhook_deliveries (webhook_id, iccid, seq)
    WHERE state IN ('pending', 'sending') AND iccid IS NOT NULL;
CREATE INDEX webhook_deliveries_sending ON webhook_deliveries (webhook_id, lease_until) WHERE state = 'sending';
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, id);
CREATE INDEX webhook_deliveries_by_event ON webhook_deliveries (event_id);

CREATE TABLE webhook_attempts (
    delivery_id   bigint NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt       integer NOT NULL,
    tenant_id     text NOT NULL,
    at            timestamptz NOT NULL,
    latency_ms    integer,
    status_code   integer,
    response_body text,
    error         text,
    PRIMARY KEY (delivery_id, attempt)
);

-- Carrier ops may let a tenant's webhooks use plain http (a test bench, a private network); https otherwise.
ALTER TABLE tenants ADD COLUMN webhooks_allow_http boolean NOT NULL DEFAULT false;

GRANT SELECT, INSERT, UPDATE, DELETE ON webhooks, webhook_deliveries, webhook_attempts TO "${app_role}";
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "${app_role}";
