-- Connectivity policy documents in the database: how layers merge, and what applies when nothing says otherwise.
-- (Repeatable: Flyway applies this file again whenever it changes; it holds the live definitions.)

-- Deep merge of policy documents: objects merge key by key, anything else (scalars, arrays) is replaced.
CREATE OR REPLACE FUNCTION policy_merge(base jsonb, layer jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN layer IS NULL THEN base
        WHEN base IS NULL THEN layer
        WHEN jsonb_typeof(base) = 'object' AND jsonb_typeof(layer) = 'object' THEN (
            SELECT coalesce(jsonb_object_agg(coalesce(b.key, o.key), policy_merge(b.value, o.value)), '{}'::jsonb)
            FROM jsonb_each(base) b FULL JOIN jsonb_each(layer) o ON b.key = o.key)
        ELSE layer
    END $$;

-- What applies when neither the profile nor the SIM says otherwise: secure where it matters
-- (no person-to-person SMS, no voice), open where the tenant must decide (data, APNs, destinations).
CREATE OR REPLACE FUNCTION policy_defaults() RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT '{
        "data":  {"enabled": true, "apns": [], "destinations": []},
        "sms":   {"mo_enabled": true, "mt_enabled": true, "p2p_blocked": true, "p2p_allowed_numbers": []},
        "voice": {"enabled": false, "allowed_numbers": []},
        "limits": {},
        "imei_lock": {"mode": "off"}
    }'::jsonb $$;
