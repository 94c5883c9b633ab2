#!/usr/bin/env bash
# Assigns all SIMs of a batch (see import-100k.sh) to tenant acme by ICCID range.
# Usage: bench/assign.sh BATCH
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
batch=$1
prefix=$(iccid_prefix "$batch")
ops=$(token ops)
seconds=$(curl -sS -o "$WORK/assign-$batch.out" -w '%{time_total}' -X POST "$BASE_URL/api/v1/admin/sims/assign" \
  -H "Authorization: Bearer $ops" -H 'Content-Type: application/json' \
  -d "{\"tenant_id\":\"acme\",\"iccid_range\":{\"from\":\"${prefix}000000000\",\"to\":\"${prefix}999999999\"}}")
echo "assign batch=$batch seconds=$seconds response=$(cat "$WORK/assign-$batch.out")"
