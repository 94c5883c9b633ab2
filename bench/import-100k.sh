#!/usr/bin/env bash
# Imports 100,000 new SIMs in one request and prints the wall time of the request.
# Usage: bench/import-100k.sh [BATCH]   (prints the batch, so later benchmarks can use its SIMs)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
batch=${1:-$(new_batch)}
file=$WORK/sims-$batch.json
gen_sims "$batch" 100000 > "$file"
ops=$(token ops)
seconds=$(curl -sS -o "$WORK/import-$batch.out" -w '%{time_total}' -X POST "$BASE_URL/api/v1/admin/sims/import" \
  -H "Authorization: Bearer $ops" -H 'Content-Type: application/json' --data-binary "@$file")
echo "import batch=$batch rows=100000 bytes=$(stat -c %s "$file") seconds=$seconds response=$(cat "$WORK/import-$batch.out")"
