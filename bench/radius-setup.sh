#!/usr/bin/env bash
# Prepares the RADIUS benchmark on the running demo (scripts/run): 100,000 new SIMs of acme, active, each with a
# static IP from a new pool, and FreeRADIUS configured with the same SIMs (bench/freeradius/setup.sh). Prints the batch.
# Usage: bench/radius-setup.sh [SECRET=cellgate-demo-radius-secret]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
secret=${1:-cellgate-demo-radius-secret}
lift_rate_limit acme
batch=$(new_batch)
"$BENCH_DIR/import-100k.sh" "$batch" >&2
"$BENCH_DIR/assign.sh" "$batch" >&2
"$BENCH_DIR/bulk-activate.sh" "$batch" >&2
pool=$(curl -fsS -X POST -H "Authorization: Bearer $(token ops)" -H 'Content-Type: application/json' \
  -d "{\"tenant_id\": \"acme\", \"name\": \"bench-$batch\", \"cidr\": \"10.64.0.0/14\"}" "$BASE_URL/api/v1/admin/ip-pools" \
  | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
tok=$(token acme-admin)
job=$(curl -fsS -X POST -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' -H "Idempotency-Key: ip-$batch" \
  -d "{\"filter\": {\"iccid_prefix\": \"$(iccid_prefix "$batch")\"}}" "$BASE_URL/api/v1/ip-pools/$pool/bulk-assignments" \
  | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
until curl -fsS -H "Authorization: Bearer $tok" "$BASE_URL/api/v1/jobs/$job" | grep -q '"status":"completed"'; do sleep 1; done
"$BENCH_DIR/freeradius/setup.sh" "$batch" 100000 "$secret" >&2
echo "$batch"
