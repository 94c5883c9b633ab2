-- Online charging (README, "Connect your core network: online charging"): one invocation of a charging session in
-- one call. (Repeatable: Flyway applies this file again whenever it changes; it holds the live definitions.)

-- One invocation (create, update or release) of the charging session p_ref by the network function p_function, for
-- the SIM p_iccid. Each element of p_units is one rating group of the request:
--   rating_group, service (voice, sms or data), mo (SMS: sent by the device),
--   up, down      units used since the last report (voice seconds and SMS in up; data bytes up and down),
--   requested     units asked for (null or 0: none),
--   debit         the requested units are used at once (a one-time event, e.g. an SMS): counted, not reserved,
--   limit, warn   the service's monthly limit (null: none) and its warning thresholds (percent),
--   result, reason  set when the caller already refused the service (END_USER_SERVICE_DENIED, RATING_FAILED).
-- Used units are always counted. A grant is what is asked within what is left of the limit after the SIM's usage and
-- the live reservations of its other sessions; the usage counter row is locked first (count_charged_units), so that
-- concurrent sessions of one SIM are granted one after the other and never more than is left. A reservation that
-- expires (its network function stopped reporting) counts no more. The outcome is kept with the session: the same
-- sequence number again gets it back and counts nothing ("replayed"); a lower one is "stale"; a session that does not
-- exist, is another function's or was released is "unknown". A refusal is announced as a charging.denied event; a
-- data limit reached as a change of the SIM's decision row, so that the RADIUS path cuts its sessions too. A limit
-- reached by what the function reported is recorded in the audit trail with the function as its actor (p_actor:
-- subject, client_ip, user_agent, request_id, action, method, target), in the same transaction.
DROP FUNCTION IF EXISTS charging_invoke(uuid, uuid, text, text, bigint, boolean, boolean, interval, jsonb);
CREATE OR REPLACE FUNCTION charging_invoke(p_ref uuid, p_function uuid, p_tenant text, p_iccid text,
                                           p_sequence bigint, p_create boolean, p_release boolean,
                                           p_valid_for interval, p_units jsonb, p_actor jsonb)
    RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    v_session charging_sessions;
    v_period date;
    v_unit jsonb;
    v_service text;
    v_rating_group bigint;
    v_limit bigint;
    v_warn integer[];
    v_used bigint;
    v_reached_now boolean;
    v_reached text[] := '{}';
    v_requested bigint;
    v_granted bigint;
    v_left bigint;
    v_result text;
    v_outcomes jsonb := '[]';
    v_denied new_event[] := '{}';
BEGIN
    IF p_create THEN
        INSERT INTO charging_sessions (ref, function_id, tenant_id, iccid, last_sequence, last_outcome)
        VALUES (p_ref, p_function, p_tenant, p_iccid, p_sequence, '[]');
    ELSE
        SELECT * INTO v_session FROM charging_sessions s
        WHERE s.ref = p_ref AND s.function_id = p_function AND s.tenant_id = p_tenant AND s.iccid = p_iccid
        FOR UPDATE;
        IF NOT FOUND OR v_session.released_at IS NOT NULL AND v_session.last_sequence <> p_sequence THEN
            RETURN jsonb_build_object('state', 'unknown');
        ELSIF p_sequence = v_session.last_sequence THEN
            RETURN jsonb_build_object('state', 'replayed', 'units', v_session.last_outcome);
        ELSIF p_sequence < v_session.last_sequence THEN
            RETURN jsonb_build_object('state', 'stale', 'last_sequence', v_session.last_sequence);
        END IF;
    END IF;
    v_period := (SELECT usage_period(t.billing_day) FROM tenants t WHERE t.id = p_tenant);

    FOR v_unit IN SELECT u FROM jsonb_array_elements(p_units) u LOOP
        v_service := v_unit->>'service';
        v_rating_group := (v_unit->>'rating_group')::bigint;
        v_limit := (v_unit->>'limit')::bigint;
        v_warn := ARRAY(SELECT jsonb_array_elements_text(coalesce(v_unit->'warn', '[]'))::integer);
        SELECT c.used, c.reached_now INTO v_used, v_reached_now
        FROM count_charged_units(p_tenant, p_iccid, v_period, v_service, coalesce((v_unit->>'mo')::boolean, false),
                                 coalesce((v_unit->>'up')::bigint, 0), coalesce((v_unit->>'down')::bigint, 0),
                                 v_limit, v_warn) c;
        IF v_reached_now THEN
            v_reached := v_reached || v_service;
        END IF;

        v_result := v_unit->>'result';
        v_requested := CASE WHEN p_release OR v_result IS NOT NULL THEN 0
                            ELSE coalesce((v_unit->>'requested')::bigint, 0) END;
        v_granted := 0;
        v_left := NULL;
        IF v_requested > 0 THEN
            IF v_limit IS NULL THEN
                v_granted := v_requested;
            ELSE
                v_left := greatest(v_limit - v_used - (
                    SELECT coalesce(sum(r.units), 0) FROM charging_reservations r
                    WHERE r.iccid = p_iccid AND r.tenant_id = p_tenant AND r.service = v_service
                      AND r.expires_at > clock_timestamp()
                      AND (r.session_ref, r.rating_group) <> (p_ref, v_rating_group)), 0);
                v_granted := least(v_requested, v_left);
            END IF;
            IF v_granted > 0 AND coalesce((v_unit->>'debit')::boolean, false) THEN
                SELECT c.reached_now INTO v_reached_now
                FROM count_charged_units(p_tenant, p_iccid, v_period, v_service,
                                         coalesce((v_unit->>'mo')::boolean, false), v_granted, 0, v_limit, v_warn) c;
                IF v_reached_now THEN
                    v_reached := v_reached || v_service;
                END IF;
            ELSIF v_granted > 0 THEN
                -- the session's reservation of the group is replaced (in place, a HOT update)
                INSERT INTO charging_reservations AS r (session_ref, rating_group, tenant_id, iccid, service, units,
                                                        expires_at)
                VALUES (p_ref, v_rating_group, p_tenant, p_iccid, v_service, v_granted, clock_timestamp() + p_valid_for)
                ON CONFLICT (session_ref, rating_group)
                    DO UPDATE SET units = EXCLUDED.units, expires_at = EXCLUDED.expires_at, service = EXCLUDED.service;
            END IF;
            v_result := CASE WHEN v_granted > 0 THEN 'SUCCESS' ELSE 'QUOTA_LIMIT_REACHED' END;
        ELSIF v_result IS NULL THEN
            v_result := 'SUCCESS';
        ELSIF v_result = 'END_USER_SERVICE_DENIED' THEN
            v_denied := v_denied || (p_tenant, p_iccid, 'charging.denied', jsonb_build_object(
                'service', v_service, 'reason', v_unit->>'reason', 'rating_group', v_rating_group,
                'counterpart', v_unit->>'counterpart'))::new_event;
        END IF;
        IF NOT (v_granted > 0 AND NOT coalesce((v_unit->>'debit')::boolean, false)) THEN
            DELETE FROM charging_reservations r WHERE r.session_ref = p_ref AND r.rating_group = v_rating_group;
        END IF;
        v_outcomes := v_outcomes || jsonb_build_object('rating_group', v_rating_group, 'service', v_service,
            'result', v_result, 'granted', v_granted, 'final', coalesce(v_granted > 0 AND v_granted = v_left, false),
            'debited', v_granted > 0 AND coalesce((v_unit->>'debit')::boolean, false));
    END LOOP;

    IF p_release THEN
        DELETE FROM charging_reservations r WHERE r.session_ref = p_ref;
    END IF;
    UPDATE charging_sessions s
    SET last_sequence = p_sequence, last_outcome = v_outcomes, updated_at = now(),
        released_at = CASE WHEN p_release THEN now() END
    WHERE s.ref = p_ref;
    PERFORM emit_events(v_denied);
    IF 'data' = ANY (v_reached) THEN
        PERFORM pg_notify('sim_decisions', p_iccid);
    END IF;
    IF cardinality(v_reached) > 0 THEN
        PERFORM audit_append(p_tenant, p_actor->>'subject', '{}', false, p_actor->>'client_ip',
                             p_actor->>'user_agent', p_actor->>'request_id', p_actor->>'action', p_actor->>'method',
                             p_actor->>'target', 'success', NULL,
                             jsonb_build_object('before', '{}'::jsonb, 'after', jsonb_build_object(
                                 'iccid', p_iccid, 'limit_reached', to_jsonb(v_reached))));
    END IF;
    RETURN jsonb_build_object('state', CASE WHEN p_create THEN 'created' ELSE 'updated' END, 'units', v_outcomes);
END $$;

-- Charging sessions whose network function stopped reporting: released once their reservations have all expired
-- and they were not updated for p_idle; answers how many.
CREATE OR REPLACE FUNCTION release_idle_charging_sessions(p_idle interval) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    v_count integer;
BEGIN
    DELETE FROM charging_reservations r WHERE r.expires_at < clock_timestamp() - p_idle;
    UPDATE charging_sessions s SET released_at = now()
    -- created before the idle time too (updated_at is never before created_at), which the index finds
    WHERE s.released_at IS NULL AND s.created_at < now() - p_idle AND s.updated_at < now() - p_idle
      AND NOT EXISTS (SELECT 1 FROM charging_reservations r WHERE r.session_ref = s.ref);
    GET DIAGNOSTICS v_count = ROW_COUNT;
    RETURN v_count;
END $$;
