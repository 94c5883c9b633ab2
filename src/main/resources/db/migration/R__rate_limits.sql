-- Per-tenant API rate limits shared by every replica: token buckets in rate_buckets (UNLOGGED).
-- (Repeatable: Flyway applies this file again whenever it changes; it holds the live definitions.)

-- Takes up to `wanted` whole tokens from the tenant's bucket (rate tokens per second, at most burst), refilled for the
-- time passed by one clock for all replicas (clock_timestamp()). The row lock makes it exact across replicas and is
-- held for this one short statement. Replicas take tokens in small batches and spend them locally. It runs with the
-- owner's rights, whatever the transaction's data scope, and touches only the bucket table.
CREATE OR REPLACE FUNCTION take_rate_tokens(tenant text, wanted integer, default_rate double precision,
                                            default_burst double precision, OUT granted integer,
                                            OUT tokens double precision, OUT rate double precision,
                                            OUT burst double precision)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    now     timestamptz := clock_timestamp();
    current double precision;
    last    timestamptz;
BEGIN
    SELECT coalesce(t.api_requests_per_second, default_rate), coalesce(t.api_burst, default_burst)
    INTO rate, burst FROM tenants t WHERE t.id = tenant;
    IF NOT FOUND THEN
        rate := default_rate;
        burst := default_burst;
    END IF;
    INSERT INTO rate_buckets (tenant_id, tokens, updated_at) VALUES (tenant, burst, now) ON CONFLICT DO NOTHING;
    SELECT b.tokens, b.updated_at INTO current, last FROM rate_buckets b WHERE b.tenant_id = tenant FOR UPDATE;
    current := least(burst, current + greatest(0, extract(epoch FROM now - last)) * rate);
    granted := least(greatest(wanted, 1)::double precision, floor(current))::integer;
    current := current - granted;
    UPDATE rate_buckets b SET tokens = current, updated_at = now WHERE b.tenant_id = tenant;
    tokens := current;
END $$;

REVOKE EXECUTE ON FUNCTION take_rate_tokens(text, integer, double precision, double precision) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION take_rate_tokens(text, integer, double precision, double precision) TO "${app_role}";
