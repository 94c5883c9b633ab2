#!/usr/bin/env bash
# Durable accounting: Interim-Updates per second and latency against the running service (scripts/run), each answered
# only once its usage is committed. Loads sessions of the SIMs of the batches prepared by bench/radius-setup.sh.
# Usage: bench/radius-accounting.sh BATCHES [SECONDS=20] [IN_FLIGHT=64] [ROUNDS=3] [SECRET=cellgate-demo-radius-secret]
#   BATCHES: comma-separated, 100,000 SIMs each
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
batches=$1 seconds=${2:-20} in_flight=${3:-64} rounds=${4:-3} secret=${5:-cellgate-demo-radius-secret}
cellgate_pid=$(pgrep -f 'quarkus-app/quarkus-run.jar' | head -1)
[ -n "$cellgate_pid" ] || { echo "no running Cellgate (scripts/run)" >&2; exit 1; }
echo "machine: $(machine); $(date -u +%FT%TZ); $in_flight in flight, $seconds s per run"
for round in $(seq 1 "$rounds"); do
  echo "cellgate-accounting $(java -Xmx512m "$BENCH_DIR/RadiusLoad.java" acct 127.0.0.1 1813 "$secret" "$(echo "$batches" | sed -e 's/^/9/' -e 's/,/,9/g')" 100000 \
    "$seconds" "$in_flight" "$cellgate_pid")"
done
