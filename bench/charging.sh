#!/usr/bin/env bash
# Online charging updates per second and their latency (p50, p95, p99), with the server's CPU per update: the running
# service (scripts/run, which registers the demo network function demo-smf and rating group 300 for data). Each round
# opens SESSIONS data sessions of active SIMs of one batch (bench/ChargingSessions.java), then wrk updates them in turn
# over CONNECTIONS for SECONDS (bench/charging.lua): 1,000 bytes used and 1,000 more asked per update. Prepare active
# SIMs with bench/radius-setup.sh, or bench/load-sims.sh and bench/bulk-activate.sh (100,000 per batch).
# Usage: bench/charging.sh BATCHES [SECONDS=20] [CONNECTIONS=32] [SESSIONS=2000] [ROUNDS=3]
#   BATCHES: comma-separated; round i takes its sessions' SIMs from the i-th (in turn)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
batches=$1 seconds=${2:-20} connections=${3:-32} sessions=${4:-2000} rounds=${5:-3}
cellgate_pid=$(pgrep -f 'quarkus-app/quarkus-run.jar' | head -1)
[ -n "$cellgate_pid" ] || { echo "no running Cellgate (scripts/run)" >&2; exit 1; }
ensure_wrk
ensure_tool psql postgresql-client
source "${CELLGATE_STATE:-$REPO_ROOT/.cellgate/dev}/env"
results=$WORK/charging-$(date +%s).txt
cpu_ticks() { awk '{print $14 + $15}' "/proc/$cellgate_pid/stat"; }
sims=$(PGPASSWORD=$CELLGATE_DB_OWNER_PASSWORD psql -h "$CELLGATE_DB_HOST" -p "$CELLGATE_DB_PORT" \
  -U "$CELLGATE_DB_OWNER_USER" "$CELLGATE_DB_NAME" -Atq -c "SELECT count(*) FROM sims")
echo "machine: $(machine); $(date -u +%FT%TZ); $sims SIMs in the database; wrk -t2 -c$connections," \
  "$sessions sessions, $seconds s per round" | tee "$results"
IFS=, read -r -a list <<< "$batches"
for round in $(seq 1 "$rounds"); do
  batch=${list[$(( (round - 1) % ${#list[@]} ))]}
  nf=$(token demo-smf)
  java -Xmx256m "$BENCH_DIR/ChargingSessions.java" "$BASE_URL" "$nf" "9$batch" 100000 "$sessions" 16 \
    "$WORK/charging-sessions.txt"
  before=$(cpu_ticks)
  line=$(BENCH_SESSIONS=$WORK/charging-sessions.txt BENCH_TOKEN=$nf BENCH_THREADS=2 \
    wrk -t2 -c"$connections" -d"${seconds}s" -s "$BENCH_DIR/charging.lua" "$BASE_URL" | grep '^updates/s=')
  after=$(cpu_ticks)
  updates=$(echo "$line" | sed 's/^updates\/s=\([0-9]*\).*/\1/')
  echo "round $round batch $batch $line server_cpu_ms_per_update=$(awk -v t=$((after - before)) -v u="$updates" \
    -v s="$seconds" 'BEGIN { printf "%.3f", t * 10 / (u * s) }')" | tee -a "$results"
done
awk "$AWK_MEDIAN"'
  BEGIN { n = 0 }
  /^round/ { for (i = 5; i <= NF; i++) { split($i, kv, "=")
      if (kv[1] == "updates/s") r[n] = kv[2] + 0; if (kv[1] == "p95_ms") p[n] = kv[2] + 0
      if (kv[1] == "p99_ms") q[n] = kv[2] + 0; if (kv[1] == "server_cpu_ms_per_update") c[n] = kv[2] + 0 }
    n++ }
  END { printf "median updates/s %.0f  p95 %.2f ms  p99 %.2f ms  server cpu/update %.3f ms (%d rounds)\n",
        median(r, n), median(p, n), median(q, n), median(c, n), n }' "$results"
