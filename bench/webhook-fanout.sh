#!/usr/bin/env bash
# Event fan-out to a webhook at a local receiver (bench/WebhookReceiver.java):
#   1. burst: one bulk action activates the 100,000 ready SIMs of a batch; measured from its submission to the last
#      of their 100,000 sim.status_changed deliveries, with the lag from each event's transaction to its arrival,
#      duplicates and order per SIM;
#   2. steady: a bulk action of 1,000 of those SIMs every second for 30 s (1,000 events/s), and the same figures.
# Lag is given from each event's timestamp (the start of its transaction: lag_ms_*), and from its commit
# (commit_lag_ms_*, from PostgreSQL's commit timestamps, which scripts/infra keeps).
# The service must let webhooks reach loopback: start it with CELLGATE_WEBHOOKS_ALLOW_LOOPBACK=true scripts/run.
# Usage: bench/webhook-fanout.sh BATCH      (100,000 ready SIMs of acme: bench/load-sims.sh, then bench/assign.sh)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "${CELLGATE_STATE:-$REPO_ROOT/.cellgate/dev}/env"
ensure_tool psql postgresql-client
batch=$1
prefix=$(iccid_prefix "$batch")
port=${RECEIVER_PORT:-9977}
admin=$(token acme-admin)
lift_rate_limit acme
curl -fsS -X PATCH -H "Authorization: Bearer $(token ops)" -H 'Content-Type: application/json' \
  -d '{"webhooks_allow_http": true}' "$BASE_URL/api/v1/admin/tenants/acme" >/dev/null

# receive EXPECTED OUT: a receiver in the background, once it listens.
receive() {
  rm -f "$WORK/receiver.ready"
  java -Xmx1g "$BENCH_DIR/WebhookReceiver.java" "$port" "$prefix" "$1" 20 "$WORK/receiver.ready" "$2.csv" > "$2" &
  receiver=$!
  until [ -f "$WORK/receiver.ready" ]; do sleep 0.2; done
}

# commit_lag ARRIVALS_CSV: p50, p99 and max of the lag from each event's commit to its arrival (milliseconds).
commit_lag() {
  PGPASSWORD=$CELLGATE_DB_OWNER_PASSWORD psql -h "$CELLGATE_DB_HOST" -p "$CELLGATE_DB_PORT" \
    -U "$CELLGATE_DB_OWNER_USER" "$CELLGATE_DB_NAME" -Atq \
    -c "CREATE TEMP TABLE arrivals (id uuid PRIMARY KEY, arrived_ms bigint)" \
    -c "\\copy arrivals FROM '$1' WITH (FORMAT csv)" \
    -c "SELECT format('commit_lag_ms_p50=%s commit_lag_ms_p99=%s commit_lag_ms_max=%s',
               percentile_disc(0.5) WITHIN GROUP (ORDER BY lag), percentile_disc(0.99) WITHIN GROUP (ORDER BY lag),
               max(lag))
        FROM (SELECT a.arrived_ms - (extract(epoch FROM pg_xact_commit_timestamp(xid(e.tx))) * 1000)::bigint AS lag
              FROM arrivals a JOIN events e ON e.id = a.id) l"
}

bulk() { # bulk ACTION FILTER_PREFIX KEY
  curl -fsS -o /dev/null -X POST "$BASE_URL/api/v1/sims/bulk-actions" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: $3" \
    -d "{\"action\":\"$1\",\"filter\":{\"iccid_prefix\":\"$2\"}}"
}

webhook=$(curl -fsS -X POST "$BASE_URL/api/v1/webhooks" -H "Authorization: Bearer $admin" \
  -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$port/fanout\",\"event_types\":[\"sim.status_changed\"]}" \
  | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
trap 'curl -fsS -o /dev/null -X DELETE -H "Authorization: Bearer $(token acme-admin)" "$BASE_URL/api/v1/webhooks/$webhook"' EXIT

receive 100000 "$WORK/fanout-burst.out"
start=$(date +%s.%N)
bulk activate "$prefix" "fanout-burst-$batch-$(date +%s)"
wait "$receiver"
end=$(date +%s.%N)
echo "burst: 100000 changes, submission to last delivery seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')"
cat "$WORK/fanout-burst.out"
commit_lag "$WORK/fanout-burst.out.csv"

receive 30000 "$WORK/fanout-steady.out"
for round in $(seq 0 29); do
  bulk suspend "${prefix}000$(printf '%02d' "$round")" "fanout-steady-$batch-$round-$(date +%s)" &
  sleep 1
done
wait "$receiver"
echo "steady: 1,000 changes per second for 30 s"
cat "$WORK/fanout-steady.out"
commit_lag "$WORK/fanout-steady.out.csv"
