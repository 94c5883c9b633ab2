#!/usr/bin/env bash
# Runs every foundation benchmark in order against a running Cellgate (scripts/run) and prints the figures.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
echo "machine: $(machine)"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
batch=$(new_batch)
"$BENCH_DIR/import-100k.sh" "$batch"
"$BENCH_DIR/assign.sh" "$batch"
"$BENCH_DIR/get-sim.sh" "$batch" 30s 32
"$BENCH_DIR/list-paging.sh" "$batch" 15s
"$BENCH_DIR/bulk-activate.sh" "$batch"
