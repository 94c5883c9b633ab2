-- A2P SMS (package sms; the SMPP session in network/smpp): messages to and from a tenant's devices, the parts each is
-- submitted as, the fragments of devices' concatenated replies until they are whole, and the tenant's A2P addresses.

-- The addresses a tenant's messages are sent from and its devices' replies arrive at (a short code, a long number, or
-- an alphanumeric sender), set by carrier ops. An address belongs to one tenant: that is how a reply finds it.
CREATE TABLE tenant_sms_addresses (
    address   text PRIMARY KEY CHECK (address ~ '^(\+?[0-9]{3,15}|[A-Za-z0-9 ]{1,11})$'),
    tenant_id text NOT NULL REFERENCES tenants (id),
    position  integer NOT NULL
);
CREATE INDEX tenant_sms_addresses_by_tenant ON tenant_sms_addresses (tenant_id, position);

-- One message: MT (sent by the tenant through the API) or MO (a device's reply). text holds GSM 7-bit or UCS-2 text;
-- payload the octets of a binary message (its own UDH in udh). status follows its parts (R__sms.sql). A blocked MO
-- keeps no content.
CREATE TABLE sms_messages (
    id              uuid PRIMARY KEY,
    tenant_id       text NOT NULL,
    iccid           text COLLATE "C" NOT NULL,
    direction       text NOT NULL CHECK (direction IN ('mt', 'mo')),
    device_number   text NOT NULL,
    tenant_address  text NOT NULL,
    encoding        text NOT NULL CHECK (encoding IN ('gsm7', 'ucs2', 'binary')),
    text            text,
    payload         bytea,
    udh             bytea,
    data_coding     smallint NOT NULL CHECK (data_coding BETWEEN 0 AND 255),
    parts           smallint NOT NULL CHECK (parts BETWEEN 1 AND 255),
    status          text NOT NULL CHECK (status IN ('queued', 'submitted', 'delivered', 'undeliverable', 'expired',
                                                    'rejected', 'received', 'blocked')),
    error           text,
    validity        interval,
    expires_at      timestamptz NOT NULL,
    idempotency_key text,
    request_hash    text,
    created_by      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    submitted_at    timestamptz,
    finished_at     timestamptz,
    CONSTRAINT sms_messages_idempotency UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX sms_messages_by_tenant ON sms_messages (tenant_id, created_at DESC, id DESC);
CREATE INDEX sms_messages_by_sim ON sms_messages (tenant_id, iccid, created_at DESC, id DESC);
CREATE INDEX sms_messages_open ON sms_messages (expires_at) WHERE status IN ('queued', 'submitted');

-- Each part of an MT message, exactly as it is submitted (UDH and user data in short_message). state: pending (due
-- at due_at), submitting (claimed by a replica until lease_until: sent or about to be), submitted (with the SMSC's
-- message id, or without one when the replica that sent it died before it learned it), then the receipt's outcome.
CREATE TABLE sms_parts (
    message_id    uuid NOT NULL REFERENCES sms_messages (id) ON DELETE CASCADE,
    part          smallint NOT NULL,
    tenant_id     text NOT NULL,
    short_message bytea NOT NULL,
    state         text NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'submitting', 'submitted', 'delivered', 'undeliverable', 'expired',
                                   'rejected')),
    due_at        timestamptz NOT NULL DEFAULT now(),
    attempts      integer NOT NULL DEFAULT 0,
    claimed_by    text,
    lease_until   timestamptz,
    smsc_id       text,
    submitted_at  timestamptz,
    done_at       timestamptz,
    error         text,
    PRIMARY KEY (message_id, part)
);
CREATE INDEX sms_parts_due ON sms_parts (tenant_id, due_at, message_id, part) WHERE state = 'pending';
CREATE INDEX sms_parts_leased ON sms_parts (lease_until) WHERE state = 'submitting';
CREATE INDEX sms_parts_by_smsc_id ON sms_parts (smsc_id) WHERE smsc_id IS NOT NULL;
CREATE INDEX sms_parts_unconfirmed ON sms_parts (message_id) WHERE state = 'submitted' AND smsc_id IS NULL;

-- Parts of a device's concatenated reply until all have arrived (reference, count and number from its UDH).
CREATE TABLE sms_mo_fragments (
    tenant_id      text NOT NULL,
    iccid          text COLLATE "C" NOT NULL,
    tenant_address text NOT NULL,
    reference      integer NOT NULL,
    total          smallint NOT NULL CHECK (total BETWEEN 2 AND 255),
    part           smallint NOT NULL CHECK (part BETWEEN 1 AND 255),
    data_coding    smallint NOT NULL,
    user_data      bytea NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, iccid, tenant_address, reference, total, part)
);
CREATE INDEX sms_mo_fragments_by_age ON sms_mo_fragments (received_at);

-- Per-tenant token buckets of SMS throughput (sms_per_second), shared by every replica: 'accept' paces what the API
-- queues (with a burst), 'submit' what the replicas submit to the SMSC.
CREATE UNLOGGED TABLE sms_buckets (
    tenant_id  text NOT NULL,
    purpose    text NOT NULL CHECK (purpose IN ('accept', 'submit')),
    tokens     double precision NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, purpose)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_sms_addresses, sms_messages, sms_parts, sms_mo_fragments,
    sms_buckets TO "${app_role}";

-- Receipts that found no part yet: one that overtook the record of its submit (another replica's, or this one's), or
-- one of a part whose sender died before it learned the SMSC's id (matched then by addresses and text). Kept a day.
CREATE TABLE sms_receipts (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    smsc_id        text NOT NULL,
    state          text NOT NULL CHECK (state IN ('delivered', 'undeliverable', 'expired', 'rejected')),
    error          text,
    done_at        timestamptz NOT NULL,
    device_number  text NOT NULL,
    tenant_address text NOT NULL,
    text_start     bytea,
    received_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sms_receipts_by_smsc_id ON sms_receipts (smsc_id);
CREATE INDEX sms_receipts_by_addresses ON sms_receipts (device_number, tenant_address, received_at);
-- UPDATE only for the row locks of apply_sms_receipts (FOR UPDATE SKIP LOCKED); nothing updates a receipt.
GRANT SELECT, INSERT, UPDATE, DELETE ON sms_receipts TO "${app_role}";
