#!/usr/bin/env bash
# The network plane's SMS rate alone: COUNT one-part messages to acme's active SIMs are queued in one statement, as
# the API would have stored them (sms_messages and sms_parts rows, queued), and the running service submits them to
# the demo's SMSC simulator and applies their receipts. Reports the drain: messages per second from the queueing to
# the last receipt applied, accept-to-submit p50/p99, lost and duplicated; then the reference (jsmpp alone,
# bench/SmppReference.java) with as many messages, side by side in the same run.
# Usage: bench/sms-drain.sh [COUNT=30000]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "${CELLGATE_STATE:-$REPO_ROOT/.cellgate/dev}/env"
ensure_tool psql postgresql-client
count=${1:-30000}
run=drain$(date +%s)
curl -fsS -X PATCH -H "Authorization: Bearer $(token ops)" -H 'Content-Type: application/json' \
  -d '{"quotas": {"sms_per_second": 10000}}' "$BASE_URL/api/v1/admin/tenants/acme" >/dev/null
sql() {
  PGPASSWORD=$CELLGATE_DB_OWNER_PASSWORD psql -h "$CELLGATE_DB_HOST" -p "$CELLGATE_DB_PORT" \
    -U "$CELLGATE_DB_OWNER_USER" "$CELLGATE_DB_NAME" -Atq -c "$1"
}
simulated() { curl -fsS "$BASE_URL/q/metrics" | awk '/^cellgate_demo_smsc_submitted /{print int($2)}'; }
echo "machine: $(machine); $(date -u +%FT%TZ); $count messages queued at once"
before=$(simulated)
sql "WITH sims AS (SELECT iccid, msisdn, row_number() OVER (ORDER BY iccid) - 1 AS n FROM sim_decisions
                   WHERE tenant_id = 'acme' AND sim_status = 'active' AND msisdn IS NOT NULL),
          m AS (INSERT INTO sms_messages (id, tenant_id, iccid, direction, device_number, tenant_address, encoding,
                                          text, data_coding, parts, status, expires_at, created_by)
                SELECT gen_random_uuid(), 'acme', s.iccid, 'mt', s.msisdn, 'Cellgate', 'gsm7', 'bench $run ' || g,
                       0, 1, 'queued', now() + interval '1 day', 'bench'
                FROM generate_series(1, $count) g JOIN sims s ON s.n = g % (SELECT count(*) FROM sims)
                RETURNING id, text)
     INSERT INTO sms_parts (message_id, part, tenant_id, short_message)
     SELECT id, 1, 'acme', convert_to(text, 'SQL_ASCII') FROM m"
# the service finds them within its poll interval (1 s): no API call announced them
run_filter="tenant_id = 'acme' AND text LIKE 'bench $run %'"
until [ "$(sql "SELECT count(*) FROM sms_messages WHERE $run_filter AND status IN ('queued', 'submitted')")" = 0 ]; do
  sleep 1
done
sql "SELECT format('queued=%s delivered=%s other=%s drain_s=%s drain_per_s=%s', count(*),
             count(*) FILTER (WHERE status = 'delivered'), count(*) FILTER (WHERE status <> 'delivered'),
             round(extract(epoch FROM max(finished_at) - min(created_at))::numeric, 2),
             round(count(*) / extract(epoch FROM max(finished_at) - min(created_at))::numeric))
      FROM sms_messages WHERE $run_filter"
sql "SELECT format('first_submit_s=%s accept_to_submit_ms_p50=%s accept_to_submit_ms_p99=%s',
             round(min(d)::numeric / 1000, 2), round(percentile_disc(0.5) WITHIN GROUP (ORDER BY d)::numeric, 1),
             round(percentile_disc(0.99) WITHIN GROUP (ORDER BY d)::numeric, 1))
      FROM (SELECT extract(epoch FROM p.submitted_at - m.created_at) * 1000 AS d
            FROM sms_messages m JOIN sms_parts p ON p.message_id = m.id WHERE m.$run_filter) x"
echo "duplicated=$(( $(simulated) - before - count )) (submits the SMSC took beyond the $count parts)"
java -cp "$REPO_ROOT/target/classes:$REPO_ROOT/target/quarkus-app/lib/main/*:$REPO_ROOT/target/quarkus-app/lib/boot/*" \
  "$BENCH_DIR/SmppReference.java" "$count" "${CELLGATE_SMPP_WINDOW:-64}" \
  "${CELLGATE_DEMO_SMSC_RECEIPT_DELAY_MILLIS:-200}" 2>/dev/null | grep reference
