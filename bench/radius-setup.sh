#!/usr/bin/env bash
# Prepares the RADIUS benchmark on the running demo (scripts/run): BATCHES × 100,000 new SIMs of acme, active, each
# with a static IP from a pool of its batch (the j-th: 10.(64 + 4 × (FIRST_POOL + j)).0.0/14; pools never overlap, so
# a second setup on the same database starts past the pools of the first), and FreeRADIUS configured with the same
# SIMs (bench/freeradius/setup.sh). Prints the batches, comma-separated.
# Usage: bench/radius-setup.sh [SECRET=cellgate-demo-radius-secret] [BATCHES=1] [FIRST_POOL=0]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
secret=${1:-cellgate-demo-radius-secret} batches=${2:-1} first_pool=${3:-0}
lift_rate_limit acme
curl -fsS -X PATCH -H "Authorization: Bearer $(token ops)" -H 'Content-Type: application/json' \
  -d '{"quotas": {"max_sims": 10000000}}' "$BASE_URL/api/v1/admin/tenants/acme" >/dev/null
made=()
for j in $(seq 0 $((batches - 1))); do
  batch=$(new_batch)
  "$BENCH_DIR/import-100k.sh" "$batch" >&2
  "$BENCH_DIR/assign.sh" "$batch" >&2
  "$BENCH_DIR/bulk-activate.sh" "$batch" >&2
  pool=$(curl -fsS -X POST -H "Authorization: Bearer $(token ops)" -H 'Content-Type: application/json' \
    -d "{\"tenant_id\": \"acme\", \"name\": \"bench-$batch\", \"cidr\": \"10.$((64 + 4 * (first_pool + j))).0.0/14\"}" \
    "$BASE_URL/api/v1/admin/ip-pools" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  tok=$(token acme-admin)
  job=$(curl -fsS -X POST -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: ip-$batch" -d "{\"filter\": {\"iccid_prefix\": \"$(iccid_prefix "$batch")\"}}" \
    "$BASE_URL/api/v1/ip-pools/$pool/bulk-assignments" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  until curl -fsS -H "Authorization: Bearer $tok" "$BASE_URL/api/v1/jobs/$job" | grep -q '"status":"completed"'; do
    sleep 1
  done
  made+=("$batch")
done
list=$(IFS=,; echo "${made[*]}")
"$BENCH_DIR/freeradius/setup.sh" "$list" 100000 "$secret" "$first_pool" >&2
echo "$list"
