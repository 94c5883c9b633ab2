#!/usr/bin/env bash
# Bulk-activates every ready SIM of a batch (100,000 after assign.sh) and measures submission to completion.
# Usage: bench/bulk-activate.sh BATCH
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
batch=$1
prefix=$(iccid_prefix "$batch")
tok=$(token acme-admin)
start=$(date +%s.%N)
job=$(curl -fsS -X POST "$BASE_URL/api/v1/sims/bulk-actions" -H "Authorization: Bearer $tok" \
  -H 'Content-Type: application/json' -H "Idempotency-Key: bench-$batch" \
  -d "{\"action\":\"activate\",\"filter\":{\"status\":\"ready\",\"iccid_prefix\":\"$prefix\"}}" \
  | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
while :; do
  state=$(curl -fsS -H "Authorization: Bearer $tok" "$BASE_URL/api/v1/jobs/$job")
  echo "$state" | grep -q '"status":"completed"' && break
  sleep 0.5
done
end=$(date +%s.%N)
echo "bulk-activate batch=$batch job=$job seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')"
echo "$state" | grep -o '"total":[0-9]*,"processed":[0-9]*,"succeeded":[0-9]*,"failed":[0-9]*'
