#!/usr/bin/env bash
# PATCH /api/v1/sims/{iccid} on acme's SIMs with wrk: every request is authenticated, MFA-checked, rate-limited
# and audited (its record commits with the change). Needs acme's rate limit above the load (ops can raise it).
# Usage: bench/patch-sim.sh [DURATION=30s] [CONNECTIONS=8]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_wrk
ensure_tool jq
tok=$(token acme-admin)
list=$WORK/acme-iccids.txt
curl -fsS -H "Authorization: Bearer $tok" "$BASE_URL/api/v1/sims?limit=1000" | jq -r '.items[].iccid' > "$list"
export BENCH_TOKEN=$tok BENCH_ICCIDS=$list
wrk -t2 -c"${2:-8}" -d"${1:-30s}" --latency -s "$BENCH_DIR/patch-sim.lua" "$BASE_URL"
