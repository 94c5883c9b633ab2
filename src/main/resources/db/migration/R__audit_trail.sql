-- The audit trail (audit_records, audit_chains): appended through audit_append, linked into per-tenant hash chains
-- by audit_link, verified by audit_verify, append-only through any role that keeps the triggers below.
-- (Repeatable: Flyway applies this file again whenever it changes; it holds the live definitions.)

-- The bytes a record's hash covers: every field but the hashes, in a fixed order and format.
CREATE OR REPLACE FUNCTION audit_canonical(r audit_records) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
    SELECT convert_to(concat_ws(chr(31), r.chain, r.seq::text,
        (extract(epoch FROM r.at) * 1000000)::bigint::text, coalesce(r.tenant_id, ''), r.subject,
        array_to_string(r.roles, ','), r.mfa::text, coalesce(r.client_ip, ''), coalesce(r.user_agent, ''),
        coalesce(r.request_id, ''), r.action, r.method, r.target, r.outcome, coalesce(r.status::text, ''),
        coalesce(r.changes::text, '')), 'UTF8')
$$;

-- Inserts a record, unlinked, in the caller's transaction (writers never wait for each other). With the owner's
-- rights: the service's role may call it but never write the table itself. PL/pgSQL, so that its plan is kept.
CREATE OR REPLACE FUNCTION audit_append(p_tenant text, p_subject text, p_roles text[], p_mfa boolean, p_client_ip text,
                                        p_user_agent text, p_request_id text, p_action text, p_method text,
                                        p_target text, p_outcome text, p_status integer, p_changes jsonb) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    new_id bigint;
BEGIN
    INSERT INTO audit_records (chain, at, tenant_id, subject, roles, mfa, client_ip, user_agent, request_id, action,
                               method, target, outcome, status, changes)
    VALUES (coalesce(p_tenant, '*'), date_trunc('microseconds', clock_timestamp()), p_tenant, p_subject,
            coalesce(p_roles, '{}'), p_mfa, p_client_ip, p_user_agent, p_request_id, p_action, p_method, p_target,
            p_outcome, p_status, p_changes)
    RETURNING id INTO new_id;
    RETURN new_id;
END $$;

-- Links the committed, unlinked records of every chain (at most p_max per chain): each gets the next seq and
-- hash = sha256(previous hash || canonical fields), and a chain's batch is written by one UPDATE. The chain head's row
-- lock keeps the linkers of all replicas apart: one that gets the head after another sees, in its next statement, the
-- records the other linked.
CREATE OR REPLACE FUNCTION audit_link(p_max integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    c text;
    head audit_chains;
    r audit_records;
    ids bigint[];
    seqs bigint[];
    prev_hashes bytea[];
    hashes bytea[];
    linked integer := 0;
BEGIN
    FOR c IN SELECT DISTINCT chain FROM audit_records WHERE hash IS NULL LOOP
        INSERT INTO audit_chains (chain, seq, hash) VALUES (c, 0, sha256(''::bytea)) ON CONFLICT DO NOTHING;
        SELECT * INTO head FROM audit_chains WHERE chain = c FOR UPDATE;
        ids := '{}';
        seqs := '{}';
        prev_hashes := '{}';
        hashes := '{}';
        FOR r IN SELECT * FROM audit_records WHERE chain = c AND hash IS NULL ORDER BY id LIMIT p_max LOOP
            r.seq := head.seq + 1;
            ids := array_append(ids, r.id);
            seqs := array_append(seqs, r.seq);
            prev_hashes := array_append(prev_hashes, head.hash);
            head.hash := sha256(head.hash || audit_canonical(r));
            hashes := array_append(hashes, head.hash);
            head.seq := r.seq;
        END LOOP;
        UPDATE audit_records a SET seq = l.seq, prev_hash = l.prev_hash, hash = l.hash
        FROM unnest(ids, seqs, prev_hashes, hashes) AS l (id, seq, prev_hash, hash)
        WHERE a.id = l.id;
        UPDATE audit_chains SET seq = head.seq, hash = head.hash WHERE chain = c;
        linked := linked + cardinality(ids);
    END LOOP;
    RETURN linked;
END $$;

-- Recomputes a chain from its start. first_broken is the seq of the first record whose hash or link does not match
-- (a changed, removed or inserted record), or null when the chain is intact up to its head.
CREATE OR REPLACE FUNCTION audit_verify(p_chain text, OUT checked bigint, OUT first_broken bigint)
    LANGUAGE plpgsql AS $$
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
-- changes nothing else).
CREATE OR REPLACE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE OR REPLACE TRIGGER audit_records_no_update BEFORE UPDATE OR DELETE ON audit_records
    FOR EACH ROW EXECUTE FUNCTION audit_records_append_only();
CREATE OR REPLACE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records
    FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only();

-- How long the oldest committed record has waited to be linked into its chain (0 when none waits): the linker's lag,
-- as a metric. Along audit_records_unlinked.
CREATE OR REPLACE FUNCTION audit_unlinked_age() RETURNS double precision
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce(extract(epoch FROM clock_timestamp() - min(r.at)), 0)::double precision
    FROM audit_records r WHERE r.hash IS NULL
$$;
REVOKE EXECUTE ON FUNCTION audit_unlinked_age() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_unlinked_age() TO "${app_role}";

-- The service's role may append and link, and read the trail (under row-level security); nothing else.
REVOKE EXECUTE ON FUNCTION audit_append(text, text, text[], boolean, text, text, text, text, text, text, text, integer,
    jsonb), audit_link(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_append(text, text, text[], boolean, text, text, text, text, text, text, text, integer,
    jsonb), audit_link(integer) TO "${app_role}";
