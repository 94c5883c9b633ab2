-- The audit trail: one record per mutating request, append-only and hash-chained per tenant.
-- chain is the tenant id, or '*' for records of no tenant (carrier ops, failed logins).
-- A record is written in the transaction of its request without seq and hashes (so writers never wait for each
-- other); audit_link then links committed records into their chain, in the order it finds them, within a second.

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

-- The head of each chain; locking it orders appends within a chain.
CREATE TABLE audit_chains (
    chain text PRIMARY KEY,
    seq   bigint NOT NULL,
    hash  bytea NOT NULL
);

-- The bytes a record's hash covers: every field but the hashes, in a fixed order and format.
CREATE FUNCTION audit_canonical(r audit_records) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
    SELECT convert_to(concat_ws(chr(31), r.chain, r.seq::text,
        (extract(epoch FROM r.at) * 1000000)::bigint::text, coalesce(r.tenant_id, ''), r.subject,
        array_to_string(r.roles, ','), r.mfa::text, coalesce(r.client_ip, ''), coalesce(r.user_agent, ''),
        coalesce(r.request_id, ''), r.action, r.method, r.target, r.outcome, coalesce(r.status::text, ''),
        coalesce(r.changes::text, '')), 'UTF8')
$$;

CREATE FUNCTION audit_append(p_tenant text, p_subject text, p_roles text[], p_mfa boolean, p_client_ip text,
                             p_user_agent text, p_request_id text, p_action text, p_method text, p_target text,
                             p_outcome text, p_status integer, p_changes jsonb) RETURNS bigint
    LANGUAGE sql AS $$
    INSERT INTO audit_records (chain, at, tenant_id, subject, roles, mfa, client_ip, user_agent, request_id, action,
                               method, target, outcome, status, changes)
    VALUES (coalesce(p_tenant, '*'), date_trunc('microseconds', clock_timestamp()), p_tenant, p_subject,
            coalesce(p_roles, '{}'), p_mfa, p_client_ip, p_user_agent, p_request_id, p_action, p_method, p_target,
            p_outcome, p_status, p_changes)
    RETURNING id
$$;

-- Links the committed, unlinked records of every chain (at most p_max per chain): each gets the next seq and
-- hash = sha256(previous hash || canonical fields). The chain head's row lock keeps linkers of all replicas in line.
CREATE FUNCTION audit_link(p_max integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    c text;
    head audit_chains;
    r audit_records;
    linked integer := 0;
BEGIN
    FOR c IN SELECT DISTINCT chain FROM audit_records WHERE hash IS NULL LOOP
        INSERT INTO audit_chains (chain, seq, hash) VALUES (c, 0, sha256(''::bytea)) ON CONFLICT DO NOTHING;
        SELECT * INTO head FROM audit_chains WHERE chain = c FOR UPDATE;
        FOR r IN SELECT * FROM audit_records WHERE chain = c AND hash IS NULL ORDER BY id LIMIT p_max FOR UPDATE
        LOOP
            r.seq := head.seq + 1;
            r.prev_hash := head.hash;
            r.hash := sha256(head.hash || audit_canonical(r));
            UPDATE audit_records SET seq = r.seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
            head.seq := r.seq;
            head.hash := r.hash;
            linked := linked + 1;
        END LOOP;
        UPDATE audit_chains SET seq = head.seq, hash = head.hash WHERE chain = c;
    END LOOP;
    RETURN linked;
END $$;

-- Recomputes a chain from its start. first_broken is the seq of the first record whose hash or link does not match
-- (a changed, removed or inserted record), or null when the chain is intact up to its head.
CREATE FUNCTION audit_verify(p_chain text, OUT checked bigint, OUT first_broken bigint) LANGUAGE plpgsql AS $$
DECLARE
    r audit_records;
    expected_prev bytea := sha256(''::bytea);
    expected_seq bigint := 1;
    head audit_chains;
BEGIN
    checked := 0;
    FOR r IN SELECT * FROM audit_records WHERE chain = p_chain AND seq IS NOT NULL ORDER BY seq LOOP
        IF r.seq <> expected_seq OR r.prev_hash <> expected_prev
                OR r.hash <> sha256(r.prev_hash || audit_canonical(r)) THEN
            first_broken := least(r.seq, expected_seq);
            RETURN;
        END IF;
        checked := checked + 1;
        expected_prev := r.hash;
        expected_seq := expected_seq + 1;
    END LOOP;
    SELECT * INTO head FROM audit_chains WHERE chain = p_chain;
    IF FOUND AND (head.seq <> expected_seq - 1 OR head.hash <> expected_prev) THEN
        first_broken := expected_seq;
    END IF;
END $$;

-- Append-only: no DELETE or TRUNCATE, and the only UPDATE is the one that links a record (sets seq and hashes once,
-- changes nothing else) -- through any role that keeps these triggers.
CREATE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND NEW.hash IS NOT NULL
            AND (OLD.chain, OLD.at, OLD.tenant_id, OLD.subject, OLD.roles, OLD.mfa, OLD.client_ip, OLD.user_agent,
                 OLD.request_id, OLD.action, OLD.method, OLD.target, OLD.outcome, OLD.status, OLD.changes::text)
                IS NOT DISTINCT FROM
                (NEW.chain, NEW.at, NEW.tenant_id, NEW.subject, NEW.roles, NEW.mfa, NEW.client_ip, NEW.user_agent,
                 NEW.request_id, NEW.action, NEW.method, NEW.target, NEW.outcome, NEW.status, NEW.changes::text) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit records are append-only' USING ERRCODE = '42501';
END $$;
CREATE TRIGGER audit_records_no_update BEFORE UPDATE OR DELETE ON audit_records
    FOR EACH ROW EXECUTE FUNCTION audit_records_append_only();
CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records
    FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only();
