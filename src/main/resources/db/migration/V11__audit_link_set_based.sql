-- Linking wrote every record three times: once when appended, once to lock it (SELECT ... FOR UPDATE) and once more
-- by an UPDATE statement of its own. The chain head's row lock already keeps the linkers of all replicas apart (a
-- linker that gets the head after another sees, in its next statement, the records the other linked), so records are
-- no longer locked, and each chain's batch is written by one UPDATE. The chain and its hashes are the same as before.
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
