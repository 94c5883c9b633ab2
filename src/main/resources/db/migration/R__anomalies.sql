-- Anomaly detection in the database: each SIM's daily data usage against its own baseline (data_usage_baselines), and
-- the end of what the detector knows of a SIM when the SIM leaves its tenant. The rules that judge events are in the
-- service (package anomaly); this one reads every SIM's usage counter, so it runs where the counters are, set-based.
-- (Repeatable: Flyway applies this file again whenever it changes; it holds the live definitions.)

-- A baseline after one more day: an exponentially weighted moving average over about p_window days, the new day
-- weighing 2/(p_window+1), in whole bytes rounded down. The first day is the baseline.
CREATE OR REPLACE FUNCTION baseline_after_day(p_baseline bigint, p_day_bytes bigint, p_window integer)
    RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN p_baseline IS NULL THEN p_day_bytes
                ELSE p_baseline + floor((p_day_bytes - p_baseline)::numeric * 2 / (p_window + 1))::bigint END
$$;

-- A baseline and the days it holds once a day it counted is over (p_day_over): the day enters when it had data. Days
-- without data do not: a device that reports once a week is judged against its reporting days, not against the
-- silence between them.
CREATE OR REPLACE FUNCTION baseline_through(p_baseline bigint, p_days integer, p_day_bytes bigint, p_day_over boolean,
                                            p_window integer, OUT baseline bigint, OUT days integer)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN p_day_over AND p_day_bytes > 0 THEN baseline_after_day(p_baseline, p_day_bytes, p_window)
                ELSE p_baseline END,
           CASE WHEN p_day_over AND p_day_bytes > 0 THEN least(p_days + 1, 1000000) ELSE p_days END
$$;

-- Reads up to p_limit of a tenant's usage counters of its current period, those of the SIMs after p_after (ICCID
-- order), and adds what each grew by since it was last read to the SIM's usage of the day (UTC); a SIM seen for the
-- first time is only marked, its day counted from now, as are all after a gap in the reading (p_gap: what they grew by
-- cannot be placed in a day). A day that is over enters the baseline. A SIM whose day is above p_multiplier times its
-- baseline and at least p_min_bytes, with p_min_history days in the baseline, is raised (once a day), when the rule is
-- on (p_enabled). Answers {"last": the last ICCID read, or null when none was, "raised": [...]}.
-- A row that another reading changed meanwhile is left to it, so that no growth is counted twice. JIT is off: the plan's
-- estimated cost made every chunk compile its expressions, a second of a chunk's 30 ms (bench/usage-scan.sh).
DROP FUNCTION IF EXISTS scan_data_usage(text, text, integer, boolean, boolean, integer, bigint, integer, integer);
CREATE FUNCTION scan_data_usage(p_tenant text, p_after text, p_limit integer, p_gap boolean, p_enabled boolean,
                                p_multiplier integer, p_min_bytes bigint, p_window integer, p_min_history integer)
    RETURNS jsonb LANGUAGE plpgsql SET jit = off AS $$
DECLARE
    today date := (now() AT TIME ZONE 'UTC')::date;
    result jsonb;
BEGIN
    WITH counter AS (
        SELECT u.iccid, u.period, u.data_bytes_up + u.data_bytes_down AS total
        FROM usage_counters u
        WHERE u.tenant_id = p_tenant AND u.iccid > p_after
          AND u.period = (SELECT usage_period(t.billing_day) FROM tenants t WHERE t.id = p_tenant)
        ORDER BY u.iccid LIMIT p_limit
    ), grown AS (
        SELECT c.iccid, c.period, c.total, b.mark_period, b.mark_bytes, b.day, b.day_bytes, b.day_complete,
               b.baseline_bytes, b.baseline_days, b.raised_on,
               greatest(CASE WHEN b.mark_period = c.period THEN c.total - b.mark_bytes
                             -- a new period began since: the rest of the previous one, and the new one so far
                             ELSE coalesce((SELECT p.data_bytes_up + p.data_bytes_down FROM usage_counters p
                                            WHERE p.tenant_id = p_tenant AND p.period = b.mark_period
                                              AND p.iccid = c.iccid), b.mark_bytes) - b.mark_bytes + c.total
                        END, 0) AS bytes
        FROM counter c JOIN data_usage_baselines b ON b.tenant_id = p_tenant AND b.iccid = c.iccid
        WHERE (b.mark_period, b.mark_bytes) IS DISTINCT FROM (c.period, c.total)
    ), judged AS (
        SELECT g.*, f.baseline, f.days,
               CASE WHEN p_gap THEN 0 WHEN g.day = today THEN g.day_bytes + g.bytes ELSE g.bytes END AS bytes_today,
               CASE WHEN p_gap THEN false WHEN g.day = today THEN g.day_complete ELSE true END AS complete_today
        FROM grown g CROSS JOIN LATERAL baseline_through(g.baseline_bytes, g.baseline_days, g.day_bytes,
            NOT p_gap AND g.day_complete AND g.day < today, p_window) f
    ), updated AS (
        UPDATE data_usage_baselines b SET
            day = today, day_bytes = j.bytes_today, day_complete = j.complete_today, mark_period = j.period,
            mark_bytes = j.total, baseline_bytes = j.baseline, baseline_days = j.days,
            raised_on = CASE WHEN j.raise THEN today ELSE b.raised_on END
        FROM (SELECT j.*, p_enabled AND j.days >= p_min_history AND j.bytes_today >= p_min_bytes
                          AND j.bytes_today > j.baseline::numeric * p_multiplier
                          AND j.raised_on IS DISTINCT FROM today AS raise
              FROM judged j ORDER BY j.iccid) j
        WHERE b.tenant_id = p_tenant AND b.iccid = j.iccid
          AND b.mark_period = j.mark_period AND b.mark_bytes = j.mark_bytes
        RETURNING b.iccid, b.day, b.day_bytes, b.baseline_bytes, b.baseline_days, j.raise
    ), first_seen AS (
        INSERT INTO data_usage_baselines (tenant_id, iccid, day, day_bytes, day_complete, mark_period, mark_bytes)
        SELECT p_tenant, c.iccid, today, 0, false, c.period, c.total FROM counter c
        WHERE NOT EXISTS (SELECT 1 FROM data_usage_baselines b WHERE b.tenant_id = p_tenant AND b.iccid = c.iccid)
        ORDER BY c.iccid
        ON CONFLICT DO NOTHING
    )
    SELECT jsonb_build_object('last', (SELECT max(c.iccid) FROM counter c),
                              'raised', coalesce(jsonb_agg(jsonb_build_object('iccid', u.iccid, 'day', u.day,
                                  'day_bytes', u.day_bytes, 'baseline_bytes', u.baseline_bytes,
                                  'baseline_days', u.baseline_days) ORDER BY u.iccid), '[]'))
    INTO result FROM updated u WHERE u.raise;
    RETURN result;
END $$;

-- A SIM that leaves its tenant (back to stock) takes what the detector knew of it there along: should it come back,
-- it starts afresh.
CREATE OR REPLACE FUNCTION sim_decisions_deleted_anomaly_state() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM anomaly_sim_watch w USING old_rows o WHERE w.tenant_id = o.tenant_id AND w.iccid = o.iccid;
    DELETE FROM data_usage_baselines b USING old_rows o WHERE b.tenant_id = o.tenant_id AND b.iccid = o.iccid;
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER sim_decisions_deleted_anomaly_state AFTER DELETE ON sim_decisions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sim_decisions_deleted_anomaly_state();
