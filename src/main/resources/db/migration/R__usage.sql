-- Usage periods: a UTC calendar month, named by its first day. The one definition the counters are kept and read by.
-- (Repeatable: Flyway applies this file again whenever it changes; it holds the live definitions.)
CREATE OR REPLACE FUNCTION usage_period() RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT date_trunc('month', now() AT TIME ZONE 'UTC')::date
$$;
