#!/usr/bin/env bash
# Online charging updates per second and their latency (p50, p95, p99), with the server's CPU per update: the running
# service (scripts/run, which registers the demo network function demo-smf and rating group 300 for data) loaded by
# bench/ChargingLoad.java: IN_FLIGHT workers, each with SESSIONS open data sessions of active SIMs of the batches,
# updating them in turn (1,000 bytes used, 1,000 more asked), ROUNDS runs of SECONDS. Prepare the SIMs with
# bench/radius-setup.sh or bench/load-sims.sh plus bench/bulk-activate.sh (active SIMs, 100,000 per batch).
# Usage: bench/charging.sh BATCHES [SECONDS=20] [IN_FLIGHT=32] [SESSIONS=50] [ROUNDS=3]
#   BATCHES: comma-separated; each run draws its sessions' SIMs from one of them in turn
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
batches=$1 seconds=${2:-20} in_flight=${3:-32} sessions=${4:-50} rounds=${5:-3}
count=100000
cellgate_pid=$(pgrep -f 'quarkus-app/quarkus-run.jar' | head -1)
[ -n "$cellgate_pid" ] || { echo "no running Cellgate (scripts/run)" >&2; exit 1; }
results=$WORK/charging-$(date +%s).txt
ensure_tool psql postgresql-client
source "${CELLGATE_STATE:-$REPO_ROOT/.cellgate/dev}/env"
sims=$(PGPASSWORD=$CELLGATE_DB_OWNER_PASSWORD psql -h "$CELLGATE_DB_HOST" -p "$CELLGATE_DB_PORT" \
  -U "$CELLGATE_DB_OWNER_USER" "$CELLGATE_DB_NAME" -Atq -c "SELECT count(*) FROM sims")
echo "machine: $(machine); $(date -u +%FT%TZ); $sims SIMs in the database; $in_flight in flight," \
  "$((in_flight * sessions)) sessions, $seconds s per run" | tee "$results"
IFS=, read -r -a list <<< "$batches"
for round in $(seq 1 "$rounds"); do
  batch=${list[$(( (round - 1) % ${#list[@]} ))]}
  line=$(java -Xmx512m "$BENCH_DIR/ChargingLoad.java" "$BASE_URL" "$(token demo-smf)" "9$batch" "$count" \
    "$sessions" "$seconds" "$in_flight" "$cellgate_pid")
  echo "round $round batch $batch $line" | tee -a "$results"
done
awk "$AWK_MEDIAN"'
  /^round/ { for (i = 5; i <= NF; i++) { split($i, kv, "=")
      if (kv[1] == "updates/s") r[n] = kv[2] + 0; if (kv[1] == "p95_ms") p[n] = kv[2] + 0
      if (kv[1] == "p99_ms") q[n] = kv[2] + 0; if (kv[1] == "server_cpu_ms_per_update") c[n] = kv[2] + 0 }
    n++ }
  END { printf "median updates/s %.0f  p95 %.2f ms  p99 %.2f ms  server cpu/update %.3f ms (%d runs)\n",
        median(r, n), median(p, n), median(q, n), median(c, n), n }' "$results"
