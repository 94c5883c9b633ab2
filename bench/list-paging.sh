#!/usr/bin/env bash
# Keyset paging: latency of the first page of 100 SIMs versus the page after 90,000 SIMs of a batch.
# Usage: bench/list-paging.sh BATCH [DURATION=15s]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_wrk
batch=$1
duration=${2:-15s}
prefix=$(iccid_prefix "$batch")
tok=$(token acme-admin)
cursor=
for _ in $(seq 1 90); do
  url="$BASE_URL/api/v1/sims?iccid_prefix=$prefix&limit=1000${cursor:+&cursor=$cursor}"
  cursor=$(curl -fsS -H "Authorization: Bearer $tok" "$url" | grep -o '"next_cursor":"[^"]*"' | cut -d'"' -f4)
done
for page in first after-90000; do
  path="/api/v1/sims?iccid_prefix=$prefix&limit=100"
  [ "$page" = after-90000 ] && path="$path&cursor=$cursor"
  echo "== $page page: GET $path"
  wrk -t2 -c8 -d"$duration" --latency -H "Authorization: Bearer $tok" "$BASE_URL$path" | grep -E 'Latency|50%|99%|Requests/sec'
done
