-- A2P SMS: throughput buckets, the fair claim of parts to submit, submit outcomes, receipts, expiry, and the events of
-- messages. (Repeatable: Flyway applies this file again whenever it changes; it holds the live definitions.)

-- Takes tokens from one of a tenant's SMS buckets (sms_per_second, else the default rate; at most burst_seconds of
-- it): all `wanted` or none when `partial` is false (a message is queued whole), else up to `wanted`. Runs with the
-- owner's rights and touches only the bucket table. The row lock is held for this one statement.
CREATE OR REPLACE FUNCTION take_sms_tokens(p_tenant text, p_purpose text, p_wanted integer, p_partial boolean,
                                           p_default_rate double precision, p_burst_seconds double precision,
                                           OUT granted integer, OUT tokens double precision,
                                           OUT rate double precision)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    now     timestamptz := clock_timestamp();
    burst   double precision;
    current double precision;
    last    timestamptz;
BEGIN
    SELECT coalesce(t.sms_per_second, p_default_rate) INTO rate FROM tenants t WHERE t.id = p_tenant;
    rate := coalesce(rate, p_default_rate);
    burst := greatest(1, rate * p_burst_seconds);
    INSERT INTO sms_buckets (tenant_id, purpose, tokens, updated_at) VALUES (p_tenant, p_purpose, burst, now)
    ON CONFLICT DO NOTHING;
    SELECT b.tokens, b.updated_at INTO current, last FROM sms_buckets b
    WHERE b.tenant_id = p_tenant AND b.purpose = p_purpose FOR UPDATE;
    current := least(burst, current + greatest(0, extract(epoch FROM now - last)) * rate);
    granted := CASE WHEN p_partial THEN least(p_wanted, floor(current))::integer
                    WHEN current >= p_wanted THEN p_wanted ELSE 0 END;
    current := current - granted;
    UPDATE sms_buckets b SET tokens = current, updated_at = now WHERE b.tenant_id = p_tenant AND b.purpose = p_purpose;
    tokens := current;
END $$;
REVOKE EXECUTE ON FUNCTION take_sms_tokens(text, text, integer, boolean, double precision, double precision) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION take_sms_tokens(text, text, integer, boolean, double precision, double precision)
    TO "${app_role}";

-- Gives tokens back to a tenant's bucket (a send refused after taking them, or answered with the message queued earlier
-- under its idempotency key): up to the burst take_sms_tokens would refill it to. Runs with the owner's rights.
CREATE OR REPLACE FUNCTION give_back_sms_tokens(p_tenant text, p_purpose text, p_count integer,
                                                p_default_rate double precision, p_burst_seconds double precision)
    RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE sms_buckets b
    SET tokens = least(greatest(1, coalesce((SELECT t.sms_per_second FROM tenants t WHERE t.id = p_tenant),
                                            p_default_rate) * p_burst_seconds),
                       b.tokens + p_count)
    WHERE b.tenant_id = p_tenant AND b.purpose = p_purpose AND p_count > 0
$$;
REVOKE EXECUTE ON FUNCTION give_back_sms_tokens(text, text, integer, double precision, double precision) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION give_back_sms_tokens(text, text, integer, double precision, double precision)
    TO "${app_role}";

-- A message's status from its parts: the first failure decides; delivered when every part is; submitted when every
-- part went to the SMSC.
CREATE OR REPLACE FUNCTION refresh_sms_status(p_ids uuid[]) RETURNS void LANGUAGE sql SET enable_seqscan = off AS $$
    UPDATE sms_messages m
    SET status = s.status,
        error = coalesce(m.error, s.error),
        submitted_at = CASE WHEN s.status <> 'queued' THEN coalesce(m.submitted_at, s.submitted_at) END,
        finished_at = CASE WHEN s.status NOT IN ('queued', 'submitted') THEN coalesce(s.done_at, now()) END
    FROM (SELECT p.message_id,
                 CASE WHEN bool_or(p.state = 'rejected') THEN 'rejected'
                      WHEN bool_or(p.state = 'undeliverable') THEN 'undeliverable'
                      WHEN bool_or(p.state = 'expired') THEN 'expired'
                      WHEN bool_and(p.state = 'delivered') THEN 'delivered'
                      WHEN bool_and(p.state IN ('submitted', 'delivered')) THEN 'submitted'
                      ELSE 'queued' END AS status,
                 max(p.submitted_at) AS submitted_at, max(p.done_at) AS done_at,
                 (array_agg(p.error ORDER BY p.part) FILTER (WHERE p.error IS NOT NULL))[1] AS error
          FROM sms_parts p WHERE p.message_id = ANY (p_ids) GROUP BY p.message_id) s
    WHERE m.id = s.message_id AND m.status IS DISTINCT FROM s.status
$$;

-- The functions of the submit path run with sequential scans off, as the senders' of webhooks do (R__webhooks.sql):
-- a plan made while a table was small stays with the connection and would scan the whole table for every batch.

-- Claims up to p_limit parts to submit now, for replica p_replica until p_lease has passed, fairly between tenants:
-- the tenant served longest ago first, each up to an equal share and what its 'submit' bucket allows (so the
-- tenant's sms_per_second holds across replicas). A tenant another replica is claiming for is skipped this time.
-- Parts whose lease ran out while being submitted are first taken as sent without the SMSC's answer: they are never
-- sent twice; a receipt confirms them (record_sms_receipts) or they expire.
DROP FUNCTION IF EXISTS claim_sms_parts(text, integer, interval, double precision);
CREATE OR REPLACE FUNCTION claim_sms_parts(p_replica text, p_limit integer, p_lease interval,
                                           p_default_rate double precision)
    RETURNS TABLE (message_id uuid, part smallint, attempt integer, tenant_id text, short_message bytea,
                   device_number text,
                   tenant_address text, data_coding smallint, concatenated boolean, has_udh boolean,
                   expires_at timestamptz)
    LANGUAGE plpgsql SET enable_seqscan = off SET jit = off AS $$
DECLARE
    unconfirmed uuid[];
    due_tenants text[];
    share       integer;
    tenant      text;
    allowed     integer;
    claimed     integer;
BEGIN
    WITH lost AS (
        UPDATE sms_parts p SET state = 'submitted', error = 'submit_unconfirmed', submitted_at = p.claimed_at,
                               lease_until = NULL
        WHERE p.state = 'submitting' AND p.lease_until < now()
        RETURNING p.message_id
    ) SELECT array_agg(DISTINCT l.message_id) INTO unconfirmed FROM lost l;
    IF unconfirmed IS NOT NULL THEN
        PERFORM refresh_sms_status(unconfirmed);
    END IF;

    -- one probe of the index per tenant (as EXISTS, a semi join that read every due part: 6 ms per 8,000 queued)
    SELECT array_agg(t.id ORDER BY coalesce(b.updated_at, '-infinity'), t.id) INTO due_tenants
    FROM tenants t
    CROSS JOIN LATERAL (SELECT 1 FROM sms_parts p
                        WHERE p.tenant_id = t.id AND p.state = 'pending' AND p.due_at <= now() LIMIT 1) due
    LEFT JOIN sms_buckets b ON b.tenant_id = t.id AND b.purpose = 'submit';
    IF due_tenants IS NULL THEN
        RETURN;
    END IF;
    share := greatest(1, ceil(p_limit::numeric / cardinality(due_tenants)));
    FOREACH tenant IN ARRAY due_tenants LOOP
        EXIT WHEN p_limit <= 0;
        INSERT INTO sms_buckets AS b (tenant_id, purpose, tokens, updated_at)
        VALUES (tenant, 'submit', 0, clock_timestamp() - interval '1 second') ON CONFLICT DO NOTHING;
        PERFORM 1 FROM sms_buckets b WHERE b.tenant_id = tenant AND b.purpose = 'submit' FOR UPDATE SKIP LOCKED;
        CONTINUE WHEN NOT FOUND;
        SELECT t.granted INTO allowed FROM take_sms_tokens(tenant, 'submit', least(share, p_limit), true,
                                                           p_default_rate, 1) t;
        CONTINUE WHEN allowed = 0;
        RETURN QUERY
        WITH picked AS (
            -- a part of a message that has failed or expired is not sent (the upkeep expires it). The message is read
            -- by its key (OFFSET 0 keeps the conditions out of the subquery): as a join, with the statistics of a
            -- moment when few messages were open, the planner read every open message for each part (112 ms a claim)
            SELECT p.message_id, p.part FROM sms_parts p
            CROSS JOIN LATERAL (SELECT m.status, m.expires_at FROM sms_messages m WHERE m.id = p.message_id
                                OFFSET 0) m
            WHERE p.tenant_id = tenant AND p.state = 'pending' AND p.due_at <= now()
              AND m.status IN ('queued', 'submitted') AND m.expires_at > now() + interval '1 second'
            ORDER BY p.due_at, p.message_id, p.part LIMIT allowed FOR UPDATE OF p SKIP LOCKED
        ), claimed_parts AS (
            UPDATE sms_parts p SET state = 'submitting', claimed_by = p_replica, lease_until = now() + p_lease,
                                   claimed_at = now(), attempts = p.attempts + 1
            FROM picked WHERE (p.message_id, p.part) = (picked.message_id, picked.part)
            RETURNING p.message_id, p.part, p.attempts, p.tenant_id, p.short_message
        )
        SELECT c.message_id, c.part, c.attempts, c.tenant_id, c.short_message, m.device_number, m.tenant_address, m.data_coding,
               m.parts > 1, m.parts > 1 OR m.udh IS NOT NULL, m.expires_at
        FROM claimed_parts c JOIN sms_messages m ON m.id = c.message_id;
        GET DIAGNOSTICS claimed = ROW_COUNT;
        -- tokens not used (fewer parts were due than allowed) go back to the bucket
        UPDATE sms_buckets b SET tokens = b.tokens + (allowed - claimed)
        WHERE b.tenant_id = tenant AND b.purpose = 'submit' AND allowed > claimed;
        p_limit := p_limit - claimed;
    END LOOP;
END $$;

-- A part's SMSC id and its receipt are recorded by two transactions that may run at once (the receipt can come
-- while the submit's outcome is being written, at another replica): each would miss the other, and the receipt would
-- wait for the upkeep. Both take these locks first, in one order, so the later one sees what the earlier committed:
-- one of 4,096 per id. Fewer slots made nearly every group of receipts wait for the group of submits being written
-- (128 slots: two groups of 35 and 18 ids shared one 99 times in 100); more would let a group of 500 ids (the
-- writers' largest) take as many locks, of the server's 6,400 (max_locks_per_transaction times max_connections).
CREATE OR REPLACE FUNCTION lock_smsc_ids(p_smsc_ids text[]) RETURNS void LANGUAGE sql AS $$
    SELECT count(pg_advisory_xact_lock(k)) FROM (
        SELECT DISTINCT 7370000 + abs(hashtextextended(i, 0) % 4096) AS k FROM unnest(p_smsc_ids) AS i
        WHERE i IS NOT NULL ORDER BY 1) keys
$$;

-- What became of submits this replica claimed: 'submitted' with the SMSC's id (and any receipt that overtook it),
-- 'retry' at retry_at (throttled, queue full, the session gone before it was sent), 'rejected' by the SMSC (the
-- message's other parts that are not sent yet are then not sent), 'unconfirmed' (sent, no answer: never sent again).
-- An outcome applies to the claim it came from only (the part's attempt): a part whose lease was meanwhile taken as
-- lost, or a group written again after a commit whose answer was lost, finds the part claimed anew and leaves it be.
DROP FUNCTION IF EXISTS record_sms_submits(text, uuid[], smallint[], text[], text[], text[], timestamptz[]);
CREATE OR REPLACE FUNCTION record_sms_submits(p_replica text, p_message_ids uuid[], p_parts smallint[],
                                              p_attempts integer[], p_outcomes text[], p_smsc_ids text[],
                                              p_errors text[], p_retry_at timestamptz[])
    RETURNS void LANGUAGE plpgsql SET enable_seqscan = off SET jit = off AS $$
DECLARE
    touched  uuid[];
    rejected uuid[];
BEGIN
    PERFORM lock_smsc_ids(p_smsc_ids);
    -- materialized: an unnest joined in place is evaluated again for every part it is compared with
    WITH outcome AS MATERIALIZED (
        SELECT * FROM unnest(p_message_ids, p_parts, p_attempts, p_outcomes, p_smsc_ids, p_errors, p_retry_at)
                      AS o(message_id, part, attempt, outcome, smsc_id, error, retry_at)
    ), updated AS (
        UPDATE sms_parts p
        SET state = CASE o.outcome WHEN 'retry' THEN 'pending' WHEN 'rejected' THEN 'rejected' ELSE 'submitted' END,
            smsc_id = o.smsc_id,
            error = CASE WHEN o.outcome = 'retry' THEN p.error ELSE o.error END,
            due_at = coalesce(o.retry_at, p.due_at),
            submitted_at = CASE o.outcome WHEN 'submitted' THEN now() WHEN 'unconfirmed' THEN p.claimed_at END,
            done_at = CASE WHEN o.outcome = 'rejected' THEN now() END,
            lease_until = NULL
        FROM outcome o
        WHERE p.message_id = o.message_id AND p.part = o.part AND p.attempts = o.attempt AND p.state = 'submitting'
          AND p.claimed_by = p_replica
        RETURNING p.message_id, o.outcome
    )
    SELECT array_agg(DISTINCT u.message_id), array_agg(DISTINCT u.message_id) FILTER (WHERE u.outcome = 'rejected')
    INTO touched, rejected FROM updated u;
    -- by the messages' keys, and only when there are any (in the statement above, a semi join with the outcomes read
    -- every pending part: 115 ms for a group of 200 with 8,000 queued)
    IF rejected IS NOT NULL THEN
        UPDATE sms_parts p SET state = 'rejected', error = 'message_rejected', done_at = now()
        WHERE p.message_id = ANY (rejected) AND p.state = 'pending';
    END IF;
    IF touched IS NOT NULL THEN
        PERFORM apply_sms_receipts(ARRAY(SELECT r.id FROM sms_receipts r WHERE r.smsc_id = ANY (p_smsc_ids)), false);
        PERFORM refresh_sms_status(touched);
    END IF;
END $$;

-- Applies kept receipts to the submitted parts they belong to: by the SMSC's id, or, with p_guess (the upkeep, for
-- receipts kept longer than any submit's outcome can take to be recorded), for a part sent without learning its id
-- before the receipt came: the oldest such part of the same device and tenant address whose octets hold the start of
-- the receipt's text. Applied receipts are removed, and so are repeats of receipts already applied.
DROP FUNCTION IF EXISTS apply_sms_receipts(bigint[]);
CREATE OR REPLACE FUNCTION apply_sms_receipts(p_ids bigint[], p_guess boolean) RETURNS void LANGUAGE plpgsql
    SET enable_seqscan = off SET jit = off AS $$
DECLARE
    touched uuid[];
BEGIN
    IF coalesce(cardinality(p_ids), 0) = 0 THEN
        RETURN;
    END IF;
    WITH receipt AS (
        SELECT r.* FROM sms_receipts r WHERE r.id = ANY (p_ids) ORDER BY r.id FOR UPDATE SKIP LOCKED
    ), matched AS (
        SELECT DISTINCT ON (target.message_id, target.part) r.id AS receipt_id, target.message_id, target.part,
               r.state, r.error, r.done_at, r.smsc_id
        FROM receipt r
        CROSS JOIN LATERAL (
            SELECT p.message_id, p.part FROM sms_parts p WHERE p.smsc_id = r.smsc_id AND p.state = 'submitted'
            UNION ALL
            (SELECT p.message_id, p.part FROM sms_messages m JOIN sms_parts p ON p.message_id = m.id
             WHERE p_guess AND NOT EXISTS (SELECT 1 FROM sms_parts known WHERE known.smsc_id = r.smsc_id)
               AND p.state = 'submitted' AND p.smsc_id IS NULL AND p.submitted_at <= r.received_at
               AND m.device_number = r.device_number AND m.tenant_address = r.tenant_address
               AND m.direction = 'mt' AND r.text_start IS NOT NULL AND position(r.text_start IN p.short_message) > 0
             ORDER BY p.submitted_at, p.message_id, p.part LIMIT 1)
            LIMIT 1) target
        ORDER BY target.message_id, target.part, r.id
    ), applied AS (
        UPDATE sms_parts p SET state = m.state, error = m.error, done_at = m.done_at,
                               smsc_id = coalesce(p.smsc_id, m.smsc_id)
        FROM matched m WHERE p.message_id = m.message_id AND p.part = m.part AND p.state = 'submitted'
        RETURNING p.message_id
    ), removed AS (
        -- applied now, or a repeat of a receipt whose part has its outcome already
        DELETE FROM sms_receipts r
        WHERE r.id IN (SELECT m.receipt_id FROM matched m)
           OR r.id IN (SELECT x.id FROM receipt x
                       WHERE EXISTS (SELECT 1 FROM sms_parts p WHERE p.smsc_id = x.smsc_id
                                     AND p.state NOT IN ('submitting', 'submitted')))
    )
    SELECT array_agg(DISTINCT a.message_id) INTO touched FROM applied a;
    IF touched IS NOT NULL THEN
        PERFORM refresh_sms_status(touched);
    END IF;
END $$;

-- Applies receipts to the submitted parts with their SMSC ids; keeps the others (SMSC id, outcome, addresses and start
-- of text: a receipt that overtook the record of its submit, or one of a part sent without learning its id) and tries
-- those by addresses and text. A repeat of a receipt whose part has its outcome already is dropped.
CREATE OR REPLACE FUNCTION record_sms_receipts(p_smsc_ids text[], p_states text[], p_errors text[],
                                               p_done_at timestamptz[], p_devices text[], p_addresses text[],
                                               p_text_starts bytea[])
    RETURNS void LANGUAGE plpgsql SET enable_seqscan = off SET jit = off AS $$
DECLARE
    touched uuid[];
    kept    bigint[];
BEGIN
    PERFORM lock_smsc_ids(p_smsc_ids);
    WITH given AS MATERIALIZED (
        SELECT * FROM unnest(p_smsc_ids, p_states, p_errors, p_done_at, p_devices, p_addresses, p_text_starts)
                      AS g(smsc_id, state, error, done_at, device_number, tenant_address, text_start)
    ), applied AS (
        UPDATE sms_parts p SET state = g.state, error = g.error, done_at = g.done_at
        FROM given g WHERE p.smsc_id = g.smsc_id AND p.state = 'submitted'
        RETURNING p.message_id
    ), inserted AS (
        INSERT INTO sms_receipts (smsc_id, state, error, done_at, device_number, tenant_address, text_start)
        SELECT g.smsc_id, g.state, g.error, g.done_at, g.device_number, g.tenant_address, g.text_start FROM given g
        WHERE NOT EXISTS (SELECT 1 FROM sms_parts p WHERE p.smsc_id = g.smsc_id)
        RETURNING id
    )
    SELECT (SELECT array_agg(DISTINCT a.message_id) FROM applied a), (SELECT array_agg(i.id) FROM inserted i)
    INTO touched, kept;
    IF touched IS NOT NULL THEN
        PERFORM refresh_sms_status(touched);
    END IF;
    PERFORM apply_sms_receipts(kept, false);
END $$;

-- Background upkeep: applies receipts kept earlier (guessing the part of those kept longer than p_guess_after),
-- expires what its validity passed (parts never sent, and sent parts whose receipt did not come within p_grace after
-- it) and the unsent parts of messages that failed, and removes receipts older than p_keep and the replies whose
-- parts did not all come within p_keep (announced as sms.incomplete).
-- Answers how many messages it finished.
DROP FUNCTION IF EXISTS expire_sms(interval, interval);
CREATE OR REPLACE FUNCTION expire_sms(p_grace interval, p_keep interval, p_guess_after interval) RETURNS integer
    LANGUAGE plpgsql SET jit = off AS $$
DECLARE
    touched    uuid[];
    incomplete new_event[];
BEGIN
    PERFORM apply_sms_receipts(ARRAY(SELECT r.id FROM sms_receipts r ORDER BY r.id LIMIT 10000), false);
    PERFORM apply_sms_receipts(ARRAY(SELECT r.id FROM sms_receipts r WHERE r.received_at < now() - p_guess_after
                                     ORDER BY r.id LIMIT 10000), true);
    -- open messages along sms_messages_open (finished_at is null until a message is final); unsent parts of final
    -- messages along the queue's index
    WITH lapsed AS (
        UPDATE sms_parts p SET state = 'expired', done_at = now(),
                               error = coalesce(p.error, CASE WHEN p.state = 'pending' THEN 'not_sent_in_validity'
                                                              ELSE 'no_receipt' END)
        FROM sms_messages m
        WHERE m.id = p.message_id AND m.finished_at IS NULL AND m.direction = 'mt' AND m.expires_at < now()
          AND (p.state = 'pending' OR (p.state = 'submitted' AND m.expires_at + p_grace < now()))
        RETURNING p.message_id
    ), orphaned AS (
        UPDATE sms_parts p SET state = 'expired', done_at = now(), error = coalesce(p.error, 'not_sent_in_validity')
        FROM sms_messages m
        WHERE m.id = p.message_id AND p.state = 'pending' AND m.finished_at IS NOT NULL
        RETURNING p.message_id
    ) SELECT array_agg(DISTINCT e.message_id) INTO touched
      FROM (SELECT l.message_id FROM lapsed l UNION ALL SELECT o.message_id FROM orphaned o) e;
    DELETE FROM sms_receipts r WHERE r.received_at < now() - p_keep;
    -- a device's reply whose parts did not all come: the whole set goes, announced once (sms.incomplete)
    WITH stale AS (
        SELECT DISTINCT f.tenant_id, f.iccid, f.tenant_address, f.reference, f.total FROM sms_mo_fragments f
        WHERE f.received_at < now() - p_keep
    ), dropped AS (
        DELETE FROM sms_mo_fragments f USING stale s
        WHERE (f.tenant_id, f.iccid, f.tenant_address, f.reference, f.total)
              = (s.tenant_id, s.iccid, s.tenant_address, s.reference, s.total)
        RETURNING f.*
    ), sets AS (
        SELECT d.tenant_id, d.iccid, d.tenant_address, d.reference, d.total,
               array_agg(d.part ORDER BY d.part) AS parts, min(d.data_coding) AS data_coding,
               min(d.received_at) AS first_received_at, max(d.received_at) AS last_received_at
        FROM dropped d GROUP BY d.tenant_id, d.iccid, d.tenant_address, d.reference, d.total
    )
    SELECT array_agg((s.tenant_id, s.iccid, 'sms.incomplete',
                      jsonb_build_object('direction', 'mo', 'from', d.msisdn, 'to', s.tenant_address,
                                         'reference', s.reference, 'total', s.total,
                                         'received_parts', to_jsonb(s.parts), 'data_coding', s.data_coding,
                                         'first_received_at', s.first_received_at,
                                         'last_received_at', s.last_received_at))::new_event
                     ORDER BY s.tenant_id, s.iccid, s.first_received_at, s.reference)
    INTO incomplete
    FROM sets s LEFT JOIN sim_decisions d ON d.iccid = s.iccid AND d.tenant_id = s.tenant_id;
    PERFORM emit_events(incomplete);
    IF touched IS NULL THEN
        RETURN 0;
    END IF;
    PERFORM refresh_sms_status(touched);
    RETURN cardinality(touched);
END $$;

-- Events: an MT message's status as it changes (submitted, then its outcome); a device's reply when it is whole
-- (sms.received), or refused by the SIM's policy (sms.blocked).
CREATE OR REPLACE FUNCTION sms_message_data(m sms_messages) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('message_id', m.id, 'direction', m.direction, 'status', m.status,
                              'encoding', m.encoding, 'parts', m.parts, 'error', m.error,
                              'from', CASE m.direction WHEN 'mt' THEN m.tenant_address ELSE m.device_number END,
                              'to', CASE m.direction WHEN 'mt' THEN m.device_number ELSE m.tenant_address END)
$$;

CREATE OR REPLACE FUNCTION sms_messages_updated_events() RETURNS trigger LANGUAGE plpgsql
    SET enable_nestloop = off SET jit = off AS $$
BEGIN
    PERFORM emit_events(array_agg((n.tenant_id, n.iccid, 'sms.status_changed',
                                   sms_message_data(n) || jsonb_build_object('previous_status', o.status))::new_event
                                  ORDER BY n.tenant_id, n.iccid, n.created_at, n.id))
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.status <> o.status;
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER sms_messages_updated_events AFTER UPDATE ON sms_messages
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION sms_messages_updated_events();

CREATE OR REPLACE FUNCTION sms_messages_inserted_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM emit_events(array_agg((n.tenant_id, n.iccid,
                                   CASE n.status WHEN 'received' THEN 'sms.received' ELSE 'sms.blocked' END,
                                   sms_message_data(n)
                                   || jsonb_build_object('text', n.text, 'binary', encode(n.payload, 'hex'),
                                                         'data_coding', n.data_coding))::new_event
                                  ORDER BY n.tenant_id, n.iccid, n.id))
    FROM new_rows n WHERE n.direction = 'mo';
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER sms_messages_inserted_events AFTER INSERT ON sms_messages
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sms_messages_inserted_events();
