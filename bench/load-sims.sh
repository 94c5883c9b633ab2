#!/usr/bin/env bash
# Loads N batches of 100,000 new SIMs into tenant acme (import + assign by range); prints the batches.
# Usage: bench/load-sims.sh [BATCHES=10]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
for _ in $(seq 1 "${1:-10}"); do
  batch=$(new_batch)
  "$BENCH_DIR/import-100k.sh" "$batch"
  "$BENCH_DIR/assign.sh" "$batch"
done
