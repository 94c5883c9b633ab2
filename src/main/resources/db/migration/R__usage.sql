-- Usage periods: a month from a tenant's billing day (1-28) at 00:00 UTC, named by its first day; billing day 1 is the
-- UTC calendar month. The one definition the counters are kept and read by.
-- (Repeatable: Flyway applies this file again whenever it changes; it holds the live definitions.)
CREATE OR REPLACE FUNCTION usage_period(billing_day integer) RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT (date_trunc('month', (now() AT TIME ZONE 'UTC') - make_interval(days => billing_day - 1))::date
            + (billing_day - 1))
$$;

-- The calendar month: what replicas of the previous release call while a rolling update replaces them.
CREATE OR REPLACE FUNCTION usage_period() RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT usage_period(1)
$$;

-- The period a tenant's usage is read in: the one that starts in the given month (its first day), or the current one.
CREATE OR REPLACE FUNCTION tenant_usage_period(tenant text, month_start date) RETURNS date LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN month_start IS NULL THEN usage_period(t.billing_day) ELSE month_start + (t.billing_day - 1) END
    FROM tenants t WHERE t.id = tenant
$$;

-- Accounting reports into sessions and usage, set-based: one call per batch of reports (RADIUS Start, Interim-Update,
-- Stop), whatever sessions and SIMs it touches. Usage is the growth of a session's highest cumulative counters,
-- computed under the session row's lock, so that no report counts twice in whatever order and from whichever replica
-- reports arrive. Sessions and counters are locked in key order, so that two batches never wait for each other in a
-- circle. A function, so that each connection plans the statement once. Row-level security applies (invoker's rights).
DROP FUNCTION IF EXISTS account_data_reports(uuid[], text[], text[], text[], text[], text[], text[], bigint[],
    bigint[], text[], text[], text[], int[], int[], text[], timestamptz[]);
CREATE FUNCTION account_data_reports(
        p_nas_id uuid[], p_nas_name text[], p_nas_address text[], p_acct_session_id text[], p_tenant_id text[],
        p_iccid text[], p_kind text[], p_input_octets bigint[], p_output_octets bigint[], p_framed_ip text[],
        p_imei text[], p_apn text[], p_rat_type int[], p_interim_interval int[], p_stop_cause text[],
        p_at timestamptz[])
    RETURNS TABLE (id uuid, nas_id uuid, acct_session_id text, tenant_id text, iccid text, period date,
                   total bigint, stopped boolean)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
        WITH batch AS (
            SELECT * FROM unnest(p_nas_id, p_nas_name, p_nas_address, p_acct_session_id, p_tenant_id, p_iccid, p_kind,
                 p_input_octets, p_output_octets, p_framed_ip, p_imei, p_apn, p_rat_type, p_interim_interval,
                 p_stop_cause, p_at)
                AS b(nas_id, nas_name, nas_address, acct_session_id, tenant_id, iccid, kind, input_octets, output_octets,
                     framed_ip, imei, apn, rat_type, interim_interval, stop_cause, at)
        ), merged AS (
            SELECT nas_id, acct_session_id, min(nas_name) AS nas_name, min(nas_address) AS nas_address, min(tenant_id) AS tenant_id,
                   min(iccid) AS iccid, max(input_octets) AS input_octets, max(output_octets) AS output_octets,
                   max(framed_ip) AS framed_ip, max(imei) AS imei, max(apn) AS apn, max(rat_type) AS rat_type,
                   max(interim_interval) AS interim_interval, max(stop_cause) AS stop_cause,
                   bool_or(kind = 'STOP') AS stopped, min(at) AS first_at, max(at) AS last_at
            FROM batch GROUP BY nas_id, acct_session_id
        ), sessions AS (
            INSERT INTO data_sessions AS s (id, tenant_id, iccid, nas_id, nas_name, nas_address, acct_session_id,
                                            framed_ip, imei, apn, rat_type, started_at, updated_at, stopped_at,
                                            stop_cause,
                                            input_octets, output_octets, last_input_delta, last_output_delta,
                                            interim_interval)
            SELECT gen_random_uuid(), tenant_id, iccid, nas_id, nas_name, nas_address::inet, acct_session_id,
                   framed_ip::inet, imei, apn, rat_type, first_at, last_at, CASE WHEN stopped THEN last_at END,
                   CASE WHEN stopped THEN coalesce(stop_cause, 'stop') END, input_octets, output_octets,
                   input_octets, output_octets, interim_interval
            FROM merged ORDER BY nas_id, acct_session_id
            ON CONFLICT (nas_id, acct_session_id) DO UPDATE SET
                last_input_delta = greatest(excluded.input_octets - s.input_octets, 0),
                last_output_delta = greatest(excluded.output_octets - s.output_octets, 0),
                input_octets = greatest(excluded.input_octets, s.input_octets),
                output_octets = greatest(excluded.output_octets, s.output_octets),
                updated_at = greatest(excluded.updated_at, s.updated_at),
                stopped_at = coalesce(s.stopped_at, excluded.stopped_at),
                stop_cause = coalesce(s.stop_cause, excluded.stop_cause),
                framed_ip = coalesce(s.framed_ip, excluded.framed_ip),
                imei = coalesce(excluded.imei, s.imei),
                apn = coalesce(s.apn, excluded.apn),
                rat_type = coalesce(excluded.rat_type, s.rat_type)
            RETURNING s.id, s.nas_id, s.acct_session_id, s.tenant_id, s.iccid, s.last_input_delta,
                      s.last_output_delta, s.stopped_at IS NOT NULL AS stopped
        ), counted AS (
            INSERT INTO usage_counters AS u (tenant_id, period, iccid, data_bytes_up, data_bytes_down)
            SELECT s.tenant_id, usage_period(t.billing_day), s.iccid, sum(s.last_input_delta)::bigint,
                   sum(s.last_output_delta)::bigint
            FROM sessions s JOIN tenants t ON t.id = s.tenant_id
            GROUP BY s.tenant_id, s.iccid, t.billing_day ORDER BY s.tenant_id, s.iccid
            ON CONFLICT (tenant_id, period, iccid) DO UPDATE SET
                data_bytes_up = u.data_bytes_up + excluded.data_bytes_up,
                data_bytes_down = u.data_bytes_down + excluded.data_bytes_down
            RETURNING u.tenant_id, u.iccid, u.period, u.data_bytes_up + u.data_bytes_down AS total
        )
        SELECT s.id, s.nas_id, s.acct_session_id, s.tenant_id, s.iccid, c.period, c.total, s.stopped
        FROM sessions s JOIN counted c ON c.tenant_id = s.tenant_id AND c.iccid = s.iccid;
END
$$;

-- The same without the radio access type: what replicas of the previous release call while a rolling update replaces
-- them.
CREATE OR REPLACE FUNCTION account_data_reports(
        p_nas_id uuid[], p_nas_name text[], p_nas_address text[], p_acct_session_id text[], p_tenant_id text[],
        p_iccid text[], p_kind text[], p_input_octets bigint[], p_output_octets bigint[], p_framed_ip text[],
        p_imei text[], p_apn text[], p_interim_interval int[], p_stop_cause text[], p_at timestamptz[])
    RETURNS TABLE (id uuid, nas_id uuid, acct_session_id text, tenant_id text, iccid text, period date,
                   total bigint, stopped boolean)
    LANGUAGE sql AS $$
    SELECT * FROM account_data_reports(p_nas_id, p_nas_name, p_nas_address, p_acct_session_id, p_tenant_id, p_iccid,
        p_kind, p_input_octets, p_output_octets, p_framed_ip, p_imei, p_apn,
        array_fill(NULL::int, ARRAY[cardinality(p_nas_id)]), p_interim_interval, p_stop_cause, p_at)
$$;

-- Counts SMS (parts) into a SIM's usage of its tenant's current period, MO or MT, if the period's SMS count (both
-- directions) stays within p_limit (null: no limit). Answers whether they were counted. The counter row's lock orders
-- concurrent messages of one SIM, so the limit is never overshot. The warning thresholds (percent of the limit) crossed
-- now and the limit reached now are recorded once per period (the events follow, R__events.sql).
DROP FUNCTION IF EXISTS count_sms(text, text, boolean, integer, bigint);
CREATE OR REPLACE FUNCTION count_sms(p_tenant text, p_iccid text, p_mo boolean, p_count integer, p_limit bigint,
                                     p_warn_percents integer[])
    RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    v_period date := (SELECT usage_period(t.billing_day) FROM tenants t WHERE t.id = p_tenant);
BEGIN
    INSERT INTO usage_counters (tenant_id, iccid, period) VALUES (p_tenant, p_iccid, v_period) ON CONFLICT DO NOTHING;
    UPDATE usage_counters u
    SET sms_mo = u.sms_mo + CASE WHEN p_mo THEN p_count ELSE 0 END,
        sms_mt = u.sms_mt + CASE WHEN p_mo THEN 0 ELSE p_count END,
        sms_warned = CASE WHEN p_limit IS NULL THEN u.sms_warned ELSE u.sms_warned || ARRAY(
            SELECT w FROM unnest(p_warn_percents) w
            WHERE NOT w = ANY (u.sms_warned) AND (u.sms_mo + u.sms_mt + p_count) * 100 >= w::bigint * p_limit
            ORDER BY w) END,
        sms_limit_reached_at = CASE WHEN u.sms_limit_reached_at IS NULL AND p_limit IS NOT NULL
                                         AND u.sms_mo + u.sms_mt + p_count >= p_limit THEN now()
                                    ELSE u.sms_limit_reached_at END
    WHERE u.tenant_id = p_tenant AND u.period = v_period AND u.iccid = p_iccid
      AND (p_limit IS NULL OR u.sms_mo + u.sms_mt + p_count <= p_limit);
    RETURN FOUND;
END $$;

-- A limit's warning thresholds (percent) recorded in a period, with those a usage of p_total now crosses added.
CREATE OR REPLACE FUNCTION thresholds_crossed(p_warned integer[], p_total bigint, p_limit bigint,
                                              p_warn_percents integer[])
    RETURNS integer[] LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN p_limit IS NULL THEN p_warned ELSE p_warned || ARRAY(
        SELECT w FROM unnest(p_warn_percents) w
        WHERE NOT w = ANY (p_warned) AND p_total * 100 >= w::bigint * p_limit ORDER BY w) END
$$;

-- When a limit was reached in a period: as recorded, or now if a usage of p_total reaches it.
CREATE OR REPLACE FUNCTION limit_reached_at(p_reached_at timestamptz, p_total bigint, p_limit bigint)
    RETURNS timestamptz LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN p_reached_at IS NULL AND p_limit IS NOT NULL AND p_total >= p_limit THEN now()
                ELSE p_reached_at END
$$;

-- Counts the units online charging reports used into a SIM's usage of the given period: voice seconds (p_up), SMS
-- (p_up, MO or MT) or data bytes (p_up, p_down). Records once per period the service's warning thresholds (percent of
-- p_limit) crossed and the limit reached (the events follow, R__events.sql). Always updates the counter row, so that
-- the caller holds its lock until the end of its transaction: concurrent charging of one SIM is serialised by it.
-- Answers the service's usage in the period after the count, and whether this count reached the limit.
CREATE OR REPLACE FUNCTION count_charged_units(p_tenant text, p_iccid text, p_period date, p_service text,
                                               p_mo boolean, p_up bigint, p_down bigint, p_limit bigint,
                                               p_warn_percents integer[])
    RETURNS TABLE (used bigint, reached_now boolean) LANGUAGE plpgsql AS $$
DECLARE
    v_voice bigint := CASE WHEN p_service = 'voice' THEN p_up ELSE 0 END;
    v_mo bigint := CASE WHEN p_service = 'sms' AND p_mo THEN p_up ELSE 0 END;
    v_mt bigint := CASE WHEN p_service = 'sms' AND NOT p_mo THEN p_up ELSE 0 END;
    v_up bigint := CASE WHEN p_service = 'data' THEN p_up ELSE 0 END;
    v_down bigint := CASE WHEN p_service = 'data' THEN p_down ELSE 0 END;
BEGIN
    FOR attempt IN 1..2 LOOP
        RETURN QUERY WITH counted AS (
            UPDATE usage_counters u
            SET voice_seconds = u.voice_seconds + v_voice,
                sms_mo = u.sms_mo + v_mo,
                sms_mt = u.sms_mt + v_mt,
                data_bytes_up = u.data_bytes_up + v_up,
                data_bytes_down = u.data_bytes_down + v_down,
                voice_warned = CASE WHEN p_service = 'voice' THEN thresholds_crossed(u.voice_warned,
                    u.voice_seconds + v_voice, p_limit, p_warn_percents) ELSE u.voice_warned END,
                voice_limit_reached_at = CASE WHEN p_service = 'voice' THEN limit_reached_at(u.voice_limit_reached_at,
                    u.voice_seconds + v_voice, p_limit) ELSE u.voice_limit_reached_at END,
                sms_warned = CASE WHEN p_service = 'sms' THEN thresholds_crossed(u.sms_warned,
                    u.sms_mo + u.sms_mt + v_mo + v_mt, p_limit, p_warn_percents) ELSE u.sms_warned END,
                sms_limit_reached_at = CASE WHEN p_service = 'sms' THEN limit_reached_at(u.sms_limit_reached_at,
                    u.sms_mo + u.sms_mt + v_mo + v_mt, p_limit) ELSE u.sms_limit_reached_at END,
                data_warned = CASE WHEN p_service = 'data' THEN thresholds_crossed(u.data_warned,
                    u.data_bytes_up + u.data_bytes_down + v_up + v_down, p_limit, p_warn_percents) ELSE u.data_warned END,
                data_limit_reached_at = CASE WHEN p_service = 'data' THEN limit_reached_at(u.data_limit_reached_at,
                    u.data_bytes_up + u.data_bytes_down + v_up + v_down, p_limit) ELSE u.data_limit_reached_at END
            WHERE u.tenant_id = p_tenant AND u.period = p_period AND u.iccid = p_iccid
            RETURNING u.voice_seconds, u.sms_mo + u.sms_mt AS sms, u.data_bytes_up + u.data_bytes_down AS data,
                      u.voice_limit_reached_at, u.sms_limit_reached_at, u.data_limit_reached_at
        )
        -- reached by this transaction: it alone sets now(), its start time
        SELECT CASE p_service WHEN 'voice' THEN c.voice_seconds WHEN 'sms' THEN c.sms ELSE c.data END,
               coalesce(CASE p_service WHEN 'voice' THEN c.voice_limit_reached_at WHEN 'sms' THEN c.sms_limit_reached_at
                                       ELSE c.data_limit_reached_at END = now(), false)
        FROM counted c;
        -- the period's first count of the SIM makes its row (then counted by the second attempt)
        EXIT WHEN FOUND;
        INSERT INTO usage_counters (tenant_id, iccid, period) VALUES (p_tenant, p_iccid, p_period) ON CONFLICT DO NOTHING;
    END LOOP;
END $$;
