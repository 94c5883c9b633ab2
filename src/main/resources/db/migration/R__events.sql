-- Domain events (events): written by triggers on the tables that hold each change, in the transaction of the change,
-- set-based (a bulk change of 100,000 SIMs is one insert of 100,000 events). No event without its change, and no
-- change without its event, whichever code path made it.
-- (Repeatable: Flyway applies this file again whenever it changes; it holds the live definitions.)

-- Appends events (in array order): numbers each SIM's events (seq) and queues a delivery of each to every enabled
-- webhook of its tenant that takes its type (webhook.test only to the webhook it names). A member of data that is null
-- is left out. Nothing is announced (NOTIFY would make the commits of every writer, the network plane's included, wait
-- for each other): readers and senders look for what is new by position. The per-SIM counters are taken in key order, so that two transactions never wait
-- for each other in a circle. Sequential scans are off for the same reason as in the senders' functions
-- (R__webhooks.sql): a session that first planned this at an empty deliveries table would scan it whole for every event.
DROP FUNCTION IF EXISTS emit_events(new_event[]);
CREATE FUNCTION emit_events(p_events new_event[]) RETURNS void LANGUAGE plpgsql SET enable_seqscan = off SET jit = off
AS $$
BEGIN
    IF coalesce(cardinality(p_events), 0) = 0 THEN
        RETURN;
    END IF;
    WITH batch AS (
        SELECT b.* FROM unnest(p_events) WITH ORDINALITY AS b(tenant_id, iccid, type, data, ord)
    ), numbered AS (
        INSERT INTO event_sequences AS q (tenant_id, iccid, last_seq)
        SELECT tenant_id, iccid, count(*) FROM batch WHERE iccid IS NOT NULL
        GROUP BY tenant_id, iccid ORDER BY tenant_id, iccid
        ON CONFLICT (tenant_id, iccid) DO UPDATE SET last_seq = q.last_seq + excluded.last_seq
        RETURNING q.tenant_id, q.iccid, q.last_seq
    ), inserted AS (
        INSERT INTO events (id, tenant_id, iccid, seq, type, data)
        SELECT gen_random_uuid(), b.tenant_id, b.iccid,
               n.last_seq - count(*) OVER sim + row_number() OVER (sim ORDER BY b.ord), b.type,
               jsonb_strip_nulls(b.data)
        FROM batch b LEFT JOIN numbered n ON n.tenant_id = b.tenant_id AND n.iccid = b.iccid
        WINDOW sim AS (PARTITION BY b.tenant_id, b.iccid)
        ORDER BY b.ord
        RETURNING id, tenant_id, iccid, seq, type, data
    )
    INSERT INTO webhook_deliveries (webhook_id, tenant_id, event_id, iccid, seq, next_attempt_at)
    SELECT w.id, e.tenant_id, e.id, e.iccid, e.seq,
           -- behind a delivery of the same SIM that waits for its retry, a new one is due no sooner
           greatest(now(), (SELECT max(p.next_attempt_at) FROM webhook_deliveries p
                            WHERE p.webhook_id = w.id AND p.iccid = e.iccid AND p.state IN ('pending', 'sending')))
    FROM inserted e JOIN webhooks w ON w.tenant_id = e.tenant_id AND w.enabled
    WHERE CASE WHEN e.type = 'webhook.test' THEN w.id = (e.data ->> 'webhook_id')::uuid
               ELSE cardinality(w.event_types) = 0 OR e.type = ANY (w.event_types) END
    ORDER BY e.tenant_id, e.iccid, e.seq;
END $$;

-- A SIM's effective state, as the decision view holds it (R__decision_view.sql), is where every change of its status,
-- policy, static address and IMEI lock lands, whatever caused it (the SIM's own change, its profile's, a bulk job, the
-- network locking it on first use). A SIM that comes to a tenant arrives from stock; one taken back returns to it.
CREATE OR REPLACE FUNCTION sim_decisions_inserted_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM emit_events(array_agg((n.tenant_id, n.iccid, 'sim.status_changed',
                                   jsonb_build_object('previous_status', 'stock', 'status', n.sim_status))::new_event
                                  ORDER BY n.iccid))
    FROM new_rows n;
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER sim_decisions_inserted_events AFTER INSERT ON sim_decisions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sim_decisions_inserted_events();

CREATE OR REPLACE FUNCTION sim_decisions_deleted_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM emit_events(array_agg((o.tenant_id, o.iccid, 'sim.status_changed',
                                   jsonb_build_object('previous_status', o.sim_status, 'status', 'stock'))::new_event
                                  ORDER BY o.iccid))
    FROM old_rows o;
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER sim_decisions_deleted_events AFTER DELETE ON sim_decisions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sim_decisions_deleted_events();

-- Joins of a statement's old and new rows run with enable_nestloop off (a SET of the function, for its own statements
-- only): the planner takes transition tables for one row each, and a nested loop over 1,000 changed SIMs and their
-- 1,000 old rows costs a million comparisons, where a hash join costs two thousand. What such a function looks up
-- beyond them it looks up in subqueries, which keep their index scans. JIT is off there too: the cost of a disabled
-- plan node is so high that every call would otherwise be compiled (0.3 s, on every accounting batch).
--
-- Every refresh rewrites its rows; only what differs is an event. The policy event names the top-level parts of the
-- effective policy that changed.
CREATE OR REPLACE FUNCTION sim_decisions_updated_events() RETURNS trigger LANGUAGE plpgsql SET enable_nestloop = off SET jit = off AS $$
BEGIN
    PERFORM emit_events(array_agg((e.tenant_id, e.iccid, e.type, e.data)::new_event ORDER BY e.iccid, e.rank))
    FROM (
        SELECT n.tenant_id, n.iccid, 1 AS rank, 'sim.status_changed' AS type,
               jsonb_build_object('previous_status', o.sim_status, 'status', n.sim_status) AS data
        FROM new_rows n JOIN old_rows o ON o.iccid = n.iccid
        WHERE n.sim_status IS DISTINCT FROM o.sim_status
        UNION ALL
        SELECT n.tenant_id, n.iccid, 2, 'sim.policy_changed',
               jsonb_build_object('previous_profile_id', o.profile_id, 'profile_id', n.profile_id, 'changed',
                   to_jsonb(ARRAY(SELECT coalesce(a.key, b.key) FROM jsonb_each(n.policy) a
                                  FULL JOIN jsonb_each(o.policy) b ON a.key = b.key
                                  WHERE a.value IS DISTINCT FROM b.value ORDER BY 1)))
        FROM new_rows n JOIN old_rows o ON o.iccid = n.iccid
        WHERE n.policy IS DISTINCT FROM o.policy OR n.profile_id IS DISTINCT FROM o.profile_id
        UNION ALL
        SELECT n.tenant_id, n.iccid, 3, 'sim.ip_changed',
               jsonb_build_object('previous_ip_address', host(o.static_ip), 'ip_address', host(n.static_ip))
        FROM new_rows n JOIN old_rows o ON o.iccid = n.iccid
        WHERE n.static_ip IS DISTINCT FROM o.static_ip
        UNION ALL
        SELECT n.tenant_id, n.iccid, 4, 'sim.imei_locked',
               jsonb_build_object('imei', n.imei, 'previous_mode', o.imei_lock_mode, 'previous_imei', o.imei)
        FROM new_rows n JOIN old_rows o ON o.iccid = n.iccid
        WHERE n.imei_lock_mode = 'locked' AND n.imei IS NOT NULL
          AND (o.imei_lock_mode, o.imei) IS DISTINCT FROM (n.imei_lock_mode, n.imei)
    ) e;
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER sim_decisions_updated_events AFTER UPDATE ON sim_decisions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION sim_decisions_updated_events();

-- Data sessions as the NAS accounts them: a new session is an event, and so is its end, whatever ended it (a Stop, the
-- NAS restarting, missed interim updates), and a Disconnect-Request the NAS acknowledged.
CREATE OR REPLACE FUNCTION session_data(s data_sessions) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('session_id', s.id, 'nas', s.nas_name, 'apn', s.apn, 'imei', s.imei,
                              'rat_type', s.rat_type, 'ip_address', host(s.framed_ip), 'started_at', s.started_at)
$$;

CREATE OR REPLACE FUNCTION session_end_data(s data_sessions) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT session_data(s) || jsonb_build_object('stopped_at', s.stopped_at, 'stop_cause', s.stop_cause,
                                                 'input_octets', s.input_octets, 'output_octets', s.output_octets)
$$;

CREATE OR REPLACE FUNCTION data_sessions_inserted_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM emit_events(array_agg((e.tenant_id, e.iccid, e.type, e.data)::new_event ORDER BY e.iccid, e.rank))
    FROM (
        SELECT n.tenant_id, n.iccid, 1 AS rank, 'session.started' AS type, session_data(n) AS data FROM new_rows n
        UNION ALL
        SELECT n.tenant_id, n.iccid, 2, 'session.stopped', session_end_data(n) FROM new_rows n
        WHERE n.stopped_at IS NOT NULL
    ) e;
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER data_sessions_inserted_events AFTER INSERT ON data_sessions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION data_sessions_inserted_events();

CREATE OR REPLACE FUNCTION data_sessions_updated_events() RETURNS trigger LANGUAGE plpgsql SET enable_nestloop = off SET jit = off AS $$
BEGIN
    PERFORM emit_events(array_agg((e.tenant_id, e.iccid, e.type, e.data)::new_event ORDER BY e.iccid, e.rank))
    FROM (
        SELECT n.tenant_id, n.iccid, 1 AS rank, 'session.disconnected' AS type,
               session_data(n) || jsonb_build_object('reason', n.disconnect ->> 'reason') AS data
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.disconnect ->> 'state' = 'ack' AND o.disconnect ->> 'state' IS DISTINCT FROM 'ack'
        UNION ALL
        SELECT n.tenant_id, n.iccid, 2, 'session.stopped', session_end_data(n)
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.stopped_at IS NOT NULL AND o.stopped_at IS NULL
    ) e;
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER data_sessions_updated_events AFTER UPDATE ON data_sessions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION data_sessions_updated_events();

-- A refused access request; one refused because the device is not the one the SIM is locked to is also an IMEI
-- mismatch, with the IMEI it is locked to.
CREATE OR REPLACE FUNCTION auth_events_inserted_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM emit_events(array_agg((e.tenant_id, e.iccid, e.type, e.data)::new_event ORDER BY e.id, e.rank))
    FROM (
        SELECT n.id, n.tenant_id, n.iccid, 1 AS rank, 'auth.rejected' AS type,
               jsonb_build_object('reason', n.reason, 'nas', n.nas_name, 'apn', n.apn, 'imei', n.imei,
                                  'rat_type', n.rat_type, 'at', n.at) AS data
        FROM new_rows n
        UNION ALL
        SELECT n.id, n.tenant_id, n.iccid, 2, 'imei.mismatch',
               jsonb_build_object('imei', n.imei, 'locked_imei', d.imei, 'nas', n.nas_name, 'apn', n.apn, 'at', n.at)
        FROM new_rows n LEFT JOIN sim_decisions d ON d.iccid = n.iccid
        WHERE n.reason = 'imei_mismatch'
    ) e;
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER auth_events_inserted_events AFTER INSERT ON auth_events
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION auth_events_inserted_events();

-- A SIM's monthly data limit in bytes (null: none), from its decision row.
CREATE OR REPLACE FUNCTION data_limit(p_iccid text) RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT (d.policy #>> '{limits,data_bytes,limit}')::bigint FROM sim_decisions d WHERE d.iccid = p_iccid
$$;

-- A SIM's monthly SMS limit (parts, both directions; null: none), from its decision row.
CREATE OR REPLACE FUNCTION sms_limit(p_iccid text) RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT (d.policy #>> '{limits,sms_count,limit}')::bigint FROM sim_decisions d WHERE d.iccid = p_iccid
$$;

-- A SIM's monthly voice limit in seconds (null: none), from its decision row.
CREATE OR REPLACE FUNCTION voice_limit(p_iccid text) RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT (d.policy #>> '{limits,voice_seconds,limit}')::bigint FROM sim_decisions d WHERE d.iccid = p_iccid
$$;

-- Data, SMS and voice limit thresholds as the usage counters record them (once per period): each warning threshold crossed,
-- and the limit reached, with the usage and the limit at that moment.
CREATE OR REPLACE FUNCTION usage_counters_updated_events() RETURNS trigger LANGUAGE plpgsql SET enable_nestloop = off SET jit = off AS $$
BEGIN
    PERFORM emit_events(array_agg((e.tenant_id, e.iccid, e.type, e.data)::new_event ORDER BY e.iccid, e.rank))
    FROM (
        SELECT n.tenant_id, n.iccid, w.percent AS rank, 'usage.limit_warning' AS type,
               jsonb_build_object('service', 'data', 'period_start', n.period, 'percent', w.percent,
                                  'used', n.data_bytes_up + n.data_bytes_down, 'limit', data_limit(n.iccid)) AS data
        FROM new_rows n JOIN old_rows o ON (o.tenant_id, o.period, o.iccid) = (n.tenant_id, n.period, n.iccid)
        CROSS JOIN LATERAL unnest(n.data_warned) AS w(percent)
        WHERE n.data_warned IS DISTINCT FROM o.data_warned AND NOT w.percent = ANY (o.data_warned)
        UNION ALL
        SELECT n.tenant_id, n.iccid, 1000, 'usage.limit_reached',
               jsonb_build_object('service', 'data', 'period_start', n.period,
                                  'used', n.data_bytes_up + n.data_bytes_down, 'limit', data_limit(n.iccid),
                                  'action', coalesce((SELECT d.policy #>> '{limits,data_bytes,action}'
                                                      FROM sim_decisions d WHERE d.iccid = n.iccid), 'block'))
        FROM new_rows n JOIN old_rows o ON (o.tenant_id, o.period, o.iccid) = (n.tenant_id, n.period, n.iccid)
        WHERE n.data_limit_reached_at IS NOT NULL AND o.data_limit_reached_at IS NULL
        UNION ALL
        SELECT n.tenant_id, n.iccid, 2000 + w.percent, 'usage.limit_warning',
               jsonb_build_object('service', 'sms', 'period_start', n.period, 'percent', w.percent,
                                  'used', n.sms_mo + n.sms_mt, 'limit', sms_limit(n.iccid))
        FROM new_rows n JOIN old_rows o ON (o.tenant_id, o.period, o.iccid) = (n.tenant_id, n.period, n.iccid)
        CROSS JOIN LATERAL unnest(n.sms_warned) AS w(percent)
        WHERE n.sms_warned IS DISTINCT FROM o.sms_warned AND NOT w.percent = ANY (o.sms_warned)
        UNION ALL
        SELECT n.tenant_id, n.iccid, 3000, 'usage.limit_reached',
               jsonb_build_object('service', 'sms', 'period_start', n.period, 'used', n.sms_mo + n.sms_mt,
                                  'limit', sms_limit(n.iccid), 'action', 'block')
        FROM new_rows n JOIN old_rows o ON (o.tenant_id, o.period, o.iccid) = (n.tenant_id, n.period, n.iccid)
        WHERE n.sms_limit_reached_at IS NOT NULL AND o.sms_limit_reached_at IS NULL
        UNION ALL
        SELECT n.tenant_id, n.iccid, 4000 + w.percent, 'usage.limit_warning',
               jsonb_build_object('service', 'voice', 'period_start', n.period, 'percent', w.percent,
                                  'used', n.voice_seconds, 'limit', voice_limit(n.iccid))
        FROM new_rows n JOIN old_rows o ON (o.tenant_id, o.period, o.iccid) = (n.tenant_id, n.period, n.iccid)
        CROSS JOIN LATERAL unnest(n.voice_warned) AS w(percent)
        WHERE n.voice_warned IS DISTINCT FROM o.voice_warned AND NOT w.percent = ANY (o.voice_warned)
        UNION ALL
        SELECT n.tenant_id, n.iccid, 5000, 'usage.limit_reached',
               jsonb_build_object('service', 'voice', 'period_start', n.period, 'used', n.voice_seconds,
                                  'limit', voice_limit(n.iccid), 'action', 'block')
        FROM new_rows n JOIN old_rows o ON (o.tenant_id, o.period, o.iccid) = (n.tenant_id, n.period, n.iccid)
        WHERE n.voice_limit_reached_at IS NOT NULL AND o.voice_limit_reached_at IS NULL
    ) e;
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER usage_counters_updated_events AFTER UPDATE ON usage_counters
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION usage_counters_updated_events();

-- A job that completes (a job with nothing to do is completed when it is created).
CREATE OR REPLACE FUNCTION job_data(j jobs) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('job_id', j.id, 'kind', j.kind, 'action', j.action, 'total', j.total,
                              'succeeded', j.succeeded, 'failed', j.failed, 'finished_at', j.finished_at)
$$;

CREATE OR REPLACE FUNCTION jobs_inserted_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM emit_events(array_agg((n.tenant_id, NULL, 'job.completed', job_data(n))::new_event))
    FROM new_rows n WHERE n.status = 'completed';
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER jobs_inserted_events AFTER INSERT ON jobs
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION jobs_inserted_events();

CREATE OR REPLACE FUNCTION jobs_updated_events() RETURNS trigger LANGUAGE plpgsql SET enable_nestloop = off SET jit = off AS $$
BEGIN
    PERFORM emit_events(array_agg((n.tenant_id, NULL, 'job.completed', job_data(n))::new_event))
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.status = 'completed' AND o.status <> 'completed';
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER jobs_updated_events AFTER UPDATE ON jobs
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION jobs_updated_events();

-- A tenant refused for one of its quotas: announced at most once per quota and window (the refusal itself is in the
-- audit trail each time). Answers whether it was announced now.
CREATE OR REPLACE FUNCTION announce_quota_breach(p_tenant text, p_quota text, p_window interval, p_data jsonb)
    RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO quota_breaches AS b (tenant_id, quota, last_announced) VALUES (p_tenant, p_quota, now())
    ON CONFLICT (tenant_id, quota) DO UPDATE SET last_announced = now()
        WHERE b.last_announced <= now() - p_window;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    PERFORM emit_events(ARRAY[(p_tenant, NULL, 'tenant.quota_breached',
                               jsonb_build_object('quota', p_quota) || p_data)::new_event]);
    RETURN true;
END $$;
