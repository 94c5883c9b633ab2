-- The audit trail: one record per mutating request, append-only and hash-chained per tenant.
-- chain is the tenant id, or '*' for records of no tenant (carrier ops, failed logins).

CREATE TABLE audit_records (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    chain      text NOT NULL,
    seq        bigint NOT NULL,
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
    prev_hash  bytea NOT NULL,
    hash       bytea NOT NULL,
    CONSTRAINT audit_records_chain_seq UNIQUE (chain, seq)
);
CREATE INDEX audit_records_by_tenant ON audit_records (tenant_id, id);

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
    LANGUAGE plpgsql AS $$
DECLARE
    r audit_records;
    head audit_chains;
BEGIN
    r.chain := coalesce(p_tenant, '*');
    INSERT INTO audit_chains (chain, seq, hash) VALUES (r.chain, 0, sha256(''::bytea)) ON CONFLICT DO NOTHING;
    SELECT * INTO head FROM audit_chains WHERE chain = r.chain FOR UPDATE;
    r.seq := head.seq + 1;
    r.at := date_trunc('microseconds', clock_timestamp());
    r.tenant_id := p_tenant;
    r.subject := p_subject;
    r.roles := coalesce(p_roles, '{}');
    r.mfa := p_mfa;
    r.client_ip := p_client_ip;
    r.user_agent := p_user_agent;
    r.request_id := p_request_id;
    r.action := p_action;
    r.method := p_method;
    r.target := p_target;
    r.outcome := p_outcome;
    r.status := p_status;
    r.changes := p_changes;
    r.prev_hash := head.hash;
    r.hash := sha256(head.hash || audit_canonical(r));
    INSERT INTO audit_records (chain, seq, at, tenant_id, subject, roles, mfa, client_ip, user_agent, request_id,
                               action, method, target, outcome, status, changes, prev_hash, hash)
    VALUES (r.chain, r.seq, r.at, r.tenant_id, r.subject, r.roles, r.mfa, r.client_ip, r.user_agent, r.request_id,
            r.action, r.method, r.target, r.outcome, r.status, r.changes, r.prev_hash, r.hash)
    RETURNING id INTO r.id;
    UPDATE audit_chains SET seq = r.seq, hash = r.hash WHERE chain = r.chain;
    RETURN r.id;
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
    FOR r IN SELECT * FROM audit_records WHERE chain = p_chain ORDER BY seq LOOP
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

-- Append-only: no UPDATE, DELETE or TRUNCATE through any role that keeps these triggers.
CREATE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit records are append-only' USING ERRCODE = '42501';
END $$;
CREATE TRIGGER audit_records_no_update BEFORE UPDATE OR DELETE ON audit_records
    FOR EACH ROW EXECUTE FUNCTION audit_records_append_only();
CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records
    FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only();
