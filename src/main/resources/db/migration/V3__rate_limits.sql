-- Per-tenant API rate limits shared by every replica: one token bucket per tenant in PostgreSQL.
-- UNLOGGED: a bucket is worth nothing after a crash (it refills within seconds) and must not cost WAL per request.
CREATE UNLOGGED TABLE rate_buckets (
    tenant_id  text PRIMARY KEY,
    tokens     double precision NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Takes one token from the tenant's bucket (rate tokens per second, at most burst). The row lock makes it exact across
-- replicas; it is held for one short statement only.
CREATE FUNCTION take_rate_token(tenant text, default_rate double precision, default_burst double precision,
                                OUT allowed boolean, OUT tokens double precision,
                                OUT rate double precision, OUT burst double precision)
    LANGUAGE plpgsql AS $$
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
    allowed := current >= 1;
    IF allowed THEN
        current := current - 1;
    END IF;
    UPDATE rate_buckets b SET tokens = current, updated_at = now WHERE b.tenant_id = tenant;
    tokens := current;
END $$;
