#!/usr/bin/env bash
# GET /api/v1/sims/{iccid} for random SIMs of a batch assigned to acme, authenticated, with wrk.
# Usage: bench/get-sim.sh BATCH [DURATION=30s] [CONNECTIONS=32]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_wrk
batch=$1
duration=${2:-30s}
connections=${3:-32}
list=$WORK/iccids-$batch.txt
grep -o '"iccid":"[0-9]*"' "$WORK/sims-$batch.json" | cut -d'"' -f4 > "$list"
lift_rate_limit acme
export BENCH_TOKEN=$(token acme-admin) BENCH_ICCIDS=$list
wrk -t2 -c"$connections" -d"$duration" --latency -s "$BENCH_DIR/get-sim.lua" "$BASE_URL"
