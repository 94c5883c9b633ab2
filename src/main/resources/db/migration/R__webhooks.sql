-- Webhook deliveries (webhook_deliveries, webhook_attempts): claimed by the senders of every replica, and settled with
-- each attempt's outcome. The deliveries themselves are queued by emit_events (R__events.sql).
-- (Repeatable: Flyway applies this file again whenever it changes; it holds the live definitions.)
--
-- The sender's functions turn sequential scans off (and JIT with them, which the penalty of a disabled node would
-- trigger): their statements must read along the deliveries' indexes whatever the statistics say. A replica plans them
-- on its first look, often at an empty table (at start, after the retention), and keeps the plan made for it, a
-- sequential scan in nested loops, through the burst that follows: 11-18 s per claim over 18,000 deliveries, measured.

-- Claims due deliveries for sending, at most p_budget in all and, per endpoint, as many as leave at most
-- p_per_endpoint of its deliveries in flight across replicas (two replicas claiming for one endpoint at the same moment
-- may each count before the other's claim commits). Endpoints are taken in random order, so that none waits behind
-- another's backlog. A SIM's delivery is due only when none of its earlier events' deliveries
-- to the endpoint is still pending or being sent. Each claim is an attempt: its number is the delivery's attempts. A
-- delivery whose event is gone (past the retention) comes without it, and the sender records it as not sent.
-- Deliveries whose sender stopped mid-send (their lease ran out) are first made due again, with an attempt that
-- says so, or failed once p_retry_for has passed since their first attempt.
DROP FUNCTION IF EXISTS claim_webhook_deliveries(integer, integer, interval);
CREATE OR REPLACE FUNCTION claim_webhook_deliveries(p_budget integer, p_per_endpoint integer, p_lease interval,
                                         p_retry_for interval)
    RETURNS TABLE (id bigint, webhook_id uuid, attempt integer, url text, http_allowed boolean, secret bytea,
                   previous_secret bytea, event_id uuid, type text, at timestamptz, tenant_id text, iccid text,
                   seq bigint, data jsonb)
    LANGUAGE plpgsql SET enable_seqscan = off SET jit = off AS $$
#variable_conflict use_column
BEGIN
    WITH lapsed AS (
        UPDATE webhook_deliveries d SET
            state = CASE WHEN d.first_attempt_at <= now() - p_retry_for THEN 'failed' ELSE 'pending' END,
            finished_at = CASE WHEN d.first_attempt_at <= now() - p_retry_for THEN now() END,
            lease_until = NULL, next_attempt_at = now()
        WHERE d.id IN (SELECT l.id FROM webhook_deliveries l WHERE l.state = 'sending' AND l.lease_until < now()
                       FOR UPDATE SKIP LOCKED)
        RETURNING d.id, d.attempts, d.tenant_id
    )
    INSERT INTO webhook_attempts (delivery_id, attempt, tenant_id, at, error)
    SELECT l.id, l.attempts, l.tenant_id, now(), 'no outcome: the sending replica stopped' FROM lapsed l
    ON CONFLICT DO NOTHING;
    RETURN QUERY
        WITH endpoints AS (
            SELECT w.id AS webhook_id,
                   p_per_endpoint - (SELECT count(*) FROM webhook_deliveries s
                                     WHERE s.webhook_id = w.id AND s.state = 'sending')::integer AS free
            -- the first due delivery of each endpoint, read along its index (as EXISTS, a semi join planned as a
            -- bitmap scan of every endpoint's due deliveries: 2 s per claim during a burst of 100,000)
            FROM webhooks w CROSS JOIN LATERAL (
                SELECT 1 FROM webhook_deliveries d
                WHERE d.webhook_id = w.id AND d.state = 'pending' AND d.next_attempt_at <= now() LIMIT 1) due
            WHERE w.enabled
            ORDER BY random()
        ), picked AS (
            SELECT c.id FROM endpoints e CROSS JOIN LATERAL (
                SELECT d.id FROM webhook_deliveries d
                WHERE d.webhook_id = e.webhook_id AND d.state = 'pending' AND d.next_attempt_at <= now()
                  AND (d.iccid IS NULL OR NOT EXISTS (
                      SELECT 1 FROM webhook_deliveries p
                      WHERE p.webhook_id = d.webhook_id AND p.iccid = d.iccid AND p.seq < d.seq
                        AND p.state IN ('pending', 'sending')))
                ORDER BY d.next_attempt_at, d.id
                LIMIT greatest(e.free, 0)
                FOR UPDATE SKIP LOCKED) c
            LIMIT p_budget
        ), claimed AS (
            UPDATE webhook_deliveries d SET state = 'sending', attempts = d.attempts + 1,
                   lease_until = now() + p_lease, first_attempt_at = coalesce(d.first_attempt_at, now())
            FROM picked WHERE d.id = picked.id
            RETURNING d.id, d.webhook_id, d.attempts, d.event_id
        )
        SELECT c.id, c.webhook_id, c.attempts, w.url, t.webhooks_allow_http, w.secret,
               CASE WHEN w.previous_secret_until > now() THEN w.previous_secret END,
               c.event_id, e.type, e.at, e.tenant_id, e.iccid, e.seq, e.data
        FROM claimed c JOIN webhooks w ON w.id = c.webhook_id JOIN tenants t ON t.id = w.tenant_id
        LEFT JOIN events e ON e.id = c.event_id;
END $$;

-- Settles attempts: each is recorded (status, latency, the start of the answer, or the error); its delivery succeeded
-- (a 2xx), or is due again after an exponential back-off with jitter (base * 2^(attempt-1), at most p_retry_cap,
-- times 0.5-1.0), its SIM's later deliveries with it, or failed once p_retry_for has passed since its first attempt. An endpoint's failures in a row are
-- counted from its last success; one that has failed p_disable_failures times in a row for at least p_disable_after
-- is disabled, with its reason, and the tenant gets a webhook.disabled event. An attempt whose delivery is no longer
-- its (retried meanwhile, or taken back after its lease) changes nothing.
CREATE OR REPLACE FUNCTION record_webhook_attempts(
        p_delivery bigint[], p_attempt integer[], p_at timestamptz[], p_latency_ms integer[], p_status integer[],
        p_body text[], p_error text[], p_ok boolean[], p_retry_base interval, p_retry_cap interval,
        p_retry_for interval, p_disable_failures integer, p_disable_after interval)
    RETURNS void LANGUAGE plpgsql SET enable_seqscan = off SET jit = off AS $$
DECLARE
    disabled_now new_event[];
BEGIN
    WITH outcome AS (
        SELECT * FROM unnest(p_delivery, p_attempt, p_at, p_latency_ms, p_status, p_body, p_error, p_ok)
            AS o(delivery_id, attempt, at, latency_ms, status_code, body, error, ok)
    ), settled AS (
        UPDATE webhook_deliveries d SET
            state = CASE WHEN o.ok THEN 'succeeded'
                         WHEN d.first_attempt_at <= now() - p_retry_for THEN 'failed' ELSE 'pending' END,
            next_attempt_at = CASE WHEN o.ok THEN d.next_attempt_at
                                   ELSE now() + least(p_retry_cap, p_retry_base * power(2, least(d.attempts - 1, 30)))
                                                * (0.5 + random() / 2) END,
            lease_until = NULL,
            finished_at = CASE WHEN o.ok OR d.first_attempt_at <= now() - p_retry_for THEN now() END
        FROM outcome o WHERE d.id = o.delivery_id AND d.state = 'sending' AND d.attempts = o.attempt
        RETURNING d.id, d.webhook_id, d.tenant_id, d.iccid, d.seq, d.state, d.next_attempt_at, o.attempt, o.at,
                  o.latency_ms, o.status_code, o.body, o.error, o.ok
    ), behind AS (
        -- a SIM's later deliveries wait for a retried one (so that claims do not walk them while it waits), and are
        -- due at once when it is settled
        UPDATE webhook_deliveries b SET next_attempt_at = CASE WHEN s.state = 'pending' THEN s.next_attempt_at
                                                               ELSE now() END
        FROM settled s
        WHERE b.webhook_id = s.webhook_id AND b.iccid = s.iccid AND b.seq > s.seq AND b.state = 'pending'
          AND CASE WHEN s.state = 'pending' THEN b.next_attempt_at < s.next_attempt_at
                   ELSE b.next_attempt_at > now() END
    ), recorded AS (
        INSERT INTO webhook_attempts (delivery_id, attempt, tenant_id, at, latency_ms, status_code, response_body,
                                      error)
        SELECT s.id, s.attempt, s.tenant_id, s.at, s.latency_ms, s.status_code, s.body, s.error FROM settled s
        ON CONFLICT DO NOTHING
    ), last_success AS (
        SELECT s.webhook_id, max(s.at) FILTER (WHERE s.ok) AS at FROM settled s GROUP BY s.webhook_id
    ), per_endpoint AS (
        SELECT s.webhook_id, l.at AS last_success,
               count(*) FILTER (WHERE NOT s.ok AND s.at > coalesce(l.at, '-infinity')) AS failures,
               min(s.at) FILTER (WHERE NOT s.ok AND s.at > coalesce(l.at, '-infinity')) AS first_failure
        FROM settled s JOIN last_success l ON l.webhook_id = s.webhook_id GROUP BY s.webhook_id, l.at
    )
    UPDATE webhooks w SET
        consecutive_failures = CASE WHEN p.last_success IS NULL THEN w.consecutive_failures + p.failures
                                    ELSE p.failures END,
        failing_since = CASE WHEN p.last_success IS NULL THEN coalesce(w.failing_since, p.first_failure)
                             ELSE p.first_failure END
    FROM per_endpoint p
    WHERE w.id = p.webhook_id AND (p.failures > 0 OR w.consecutive_failures > 0 OR w.failing_since IS NOT NULL);

    WITH disabled AS (
        UPDATE webhooks w SET enabled = false, disabled_at = now(), updated_at = now(), version = w.version + 1,
               disabled_reason = format('%s failed attempts in a row since %s; the last: %s', w.consecutive_failures,
                   to_char(w.failing_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                   (SELECT coalesce(a.error, 'HTTP ' || a.status_code) FROM webhook_attempts a
                    JOIN webhook_deliveries d ON d.id = a.delivery_id
                    WHERE d.webhook_id = w.id ORDER BY a.at DESC LIMIT 1))
        WHERE w.id IN (SELECT d.webhook_id FROM webhook_deliveries d WHERE d.id = ANY (p_delivery))
          AND w.enabled AND w.consecutive_failures >= p_disable_failures
          AND w.failing_since <= now() - p_disable_after
        RETURNING w.id, w.tenant_id, w.disabled_reason, w.failing_since, w.consecutive_failures
    )
    SELECT array_agg((d.tenant_id, NULL, 'webhook.disabled',
                      jsonb_build_object('webhook_id', d.id, 'reason', d.disabled_reason,
                                         'failing_since', d.failing_since,
                                         'consecutive_failures', d.consecutive_failures))::new_event)
    INTO disabled_now FROM disabled d;
    PERFORM emit_events(disabled_now);
END $$;

-- One round trip of a sender: settles the attempts that ended (record_webhook_attempts) and claims due deliveries for
-- the slots they freed (claim_webhook_deliveries), in one transaction: an endpoint's slot is taken again as soon as its
-- last attempt is recorded.
CREATE OR REPLACE FUNCTION settle_and_claim_webhook_deliveries(
        p_delivery bigint[], p_attempt integer[], p_at timestamptz[], p_latency_ms integer[], p_status integer[],
        p_body text[], p_error text[], p_ok boolean[], p_retry_base interval, p_retry_cap interval,
        p_retry_for interval, p_disable_failures integer, p_disable_after interval, p_budget integer,
        p_per_endpoint integer, p_lease interval)
    RETURNS TABLE (id bigint, webhook_id uuid, attempt integer, url text, http_allowed boolean, secret bytea,
                   previous_secret bytea, event_id uuid, type text, at timestamptz, tenant_id text, iccid text,
                   seq bigint, data jsonb)
    LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(p_delivery) > 0 THEN
        PERFORM record_webhook_attempts(p_delivery, p_attempt, p_at, p_latency_ms, p_status, p_body, p_error, p_ok,
                                        p_retry_base, p_retry_cap, p_retry_for, p_disable_failures, p_disable_after);
    END IF;
    IF p_budget > 0 THEN
        RETURN QUERY SELECT * FROM claim_webhook_deliveries(p_budget, p_per_endpoint, p_lease, p_retry_for);
    END IF;
END $$;
