#!/usr/bin/env bash
# A2P SMS end to end, against the demo's SMSC simulator (scripts/run binds the service to it): wrk POSTs one-part
# messages to acme's active SIMs for DURATION over CONNECTIONS; then the script waits until every message accepted in
# the run has its final status and reports, from the database and the simulator's counter:
#   - the API: accepted messages and their latency (wrk: p50, p99);
#   - end to end: messages per second from the first accept to the last receipt applied, and the same over the
#     drain alone (the queue's submit-and-receipt rate once the API load stops);
#   - accept to submit: p50 and p99 of each part's submitted_at minus its message's created_at;
#   - lost (accepted, not delivered) and duplicated (submits the SMSC took beyond the run's parts);
# then, side by side in the same run, the reference: jsmpp alone (bench/SmppReference.java) submitting as many
# messages to another instance of the same simulator, with the same window and receipt delay, no API, no database.
# Usage: bench/sms.sh [DURATION=30s] [CONNECTIONS=32]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "${CELLGATE_STATE:-$REPO_ROOT/.cellgate/dev}/env"
ensure_wrk
ensure_tool jq
ensure_tool psql postgresql-client
duration=${1:-30s}
connections=${2:-32}
run=sms$(date +%s)
admin=$(token acme-admin)
lift_rate_limit acme
curl -fsS -X PATCH -H "Authorization: Bearer $(token ops)" -H 'Content-Type: application/json' \
  -d '{"quotas": {"sms_per_second": 10000}}' "$BASE_URL/api/v1/admin/tenants/acme" >/dev/null
list=$WORK/sms-iccids.txt
mkdir -p "$WORK"
curl -fsS -H "Authorization: Bearer $admin" "$BASE_URL/api/v1/sims?status=active&limit=1000" \
  | jq -r '.items[].iccid' > "$list"
sql() {
  PGPASSWORD=$CELLGATE_DB_OWNER_PASSWORD psql -h "$CELLGATE_DB_HOST" -p "$CELLGATE_DB_PORT" \
    -U "$CELLGATE_DB_OWNER_USER" "$CELLGATE_DB_NAME" -Atq -c "$1"
}
simulated() { curl -fsS "$BASE_URL/q/metrics" | awk '/^cellgate_demo_smsc_submitted /{print int($2)}'; }

echo "machine: $(machine); $(date -u +%FT%TZ); $(wc -l < "$list") active SIMs of acme; wrk $duration, $connections connections"
before=$(simulated)
started=$(date +%s.%N)
BENCH_TOKEN=$admin BENCH_ICCIDS=$list BENCH_RUN=$run \
  wrk -t2 -c"$connections" -d"$duration" --latency -s "$BENCH_DIR/sms.lua" "$BASE_URL" | tee "$WORK/sms-wrk.out" \
  | grep -E 'Requests/sec|Non-2xx|requests in| 50%| 99%'
ended=$(date +%s.%N)
run_filter="tenant_id = 'acme' AND direction = 'mt' AND created_at >= to_timestamp($started) AND text LIKE 'bench $run %'"
until [ "$(sql "SELECT count(*) FROM sms_messages WHERE $run_filter AND status IN ('queued', 'submitted')")" = 0 ]; do
  sleep 1
done
sql "SELECT format('accepted=%s delivered=%s other=%s end_to_end_s=%s end_to_end_per_s=%s drain_s=%s',
             count(*), count(*) FILTER (WHERE status = 'delivered'), count(*) FILTER (WHERE status <> 'delivered'),
             round(extract(epoch FROM max(finished_at) - min(created_at))::numeric, 2),
             round(count(*) / extract(epoch FROM max(finished_at) - min(created_at))::numeric),
             round(extract(epoch FROM max(finished_at) - to_timestamp($ended))::numeric, 2))
      FROM sms_messages WHERE $run_filter"
sql "SELECT format('accept_to_submit_ms_p50=%s accept_to_submit_ms_p99=%s accept_to_submit_ms_max=%s',
             round(percentile_disc(0.5) WITHIN GROUP (ORDER BY d)::numeric, 1),
             round(percentile_disc(0.99) WITHIN GROUP (ORDER BY d)::numeric, 1), round(max(d)::numeric, 1))
      FROM (SELECT extract(epoch FROM p.submitted_at - m.created_at) * 1000 AS d
            FROM sms_messages m JOIN sms_parts p ON p.message_id = m.id WHERE m.$run_filter) x"
accepted=$(sql "SELECT count(*) FROM sms_messages WHERE $run_filter")
echo "duplicated=$(( $(simulated) - before - accepted )) (submits the SMSC took beyond the run's $accepted parts)"
java -cp "$REPO_ROOT/target/classes:$REPO_ROOT/target/quarkus-app/lib/main/*:$REPO_ROOT/target/quarkus-app/lib/boot/*" "$BENCH_DIR/SmppReference.java" \
  "$accepted" "${CELLGATE_SMPP_WINDOW:-64}" "${CELLGATE_DEMO_SMSC_RECEIPT_DELAY_MILLIS:-200}" 2>/dev/null | grep reference
