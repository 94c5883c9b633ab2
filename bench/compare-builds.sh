#!/usr/bin/env bash
# Two builds of the service side by side on one database, alternating, so that the machine's drift falls on both:
# GET /api/v1/sims/{iccid} (32 connections) and PATCH /api/v1/sims/{iccid} (2 connections, audited) against each build
# in turn, ROUNDS times, each run warmed up for 10 s; prints each run, then each build's medians and the ratio B/A.
# The builds are packaged services (target/quarkus-app copies); both run with the migrations off, on the database of
# scripts/infra (CELLGATE_STATE, the demo's by default), which the newer one must have migrated.
# Usage: bench/compare-builds.sh DIR_A DIR_B BATCH [DURATION=20s] [ROUNDS=3]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "${CELLGATE_STATE:-$REPO_ROOT/.cellgate/dev}/env"
ensure_wrk
ensure_tool jq
a=$1 b=$2 batch=$3 duration=${4:-20s} rounds=${5:-3}
port=8090 url=http://127.0.0.1:8090
tok=$(token acme-admin)
gets=$WORK/iccids-$batch.txt patches=$WORK/acme-iccids.txt
grep -o '"iccid":"[0-9]*"' "$WORK/sims-$batch.json" | cut -d'"' -f4 > "$gets"
: > "$WORK/compare-runs.txt"

measure() { # measure BUILD_NAME APP_DIR
  local name=$1 app=$2
  env CELLGATE_HTTP_PORT=$port QUARKUS_FLYWAY_MIGRATE_AT_START=false java -Xmx1g -jar "$app/quarkus-run.jar" \
    >"$WORK/compare-$name.log" 2>&1 &
  local pid=$!
  for _ in $(seq 120); do curl -fs "$url/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  lift_rate_limit acme "$url"
  curl -fsS -H "Authorization: Bearer $tok" "$url/api/v1/sims?limit=1000" | jq -r '.items[].iccid' > "$patches"
  export BENCH_TOKEN=$tok BENCH_DELAY_MS=0
  BENCH_ICCIDS=$gets wrk -t2 -c32 -d10s -s "$BENCH_DIR/get-sim.lua" "$url" >/dev/null
  BENCH_ICCIDS=$gets wrk -t2 -c32 -d"$duration" --latency -s "$BENCH_DIR/get-sim.lua" "$url" >"$WORK/compare-get.wrk"
  BENCH_ICCIDS=$patches wrk -t2 -c2 -d10s -s "$BENCH_DIR/patch-sim.lua" "$url" >/dev/null
  BENCH_ICCIDS=$patches wrk -t2 -c2 -d"$duration" --latency -s "$BENCH_DIR/patch-sim.lua" "$url" >"$WORK/compare-patch.wrk"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  for call in get patch; do
    awk -v build="$name" -v call="$call" '
      function ms(v) { return v ~ /us$/ ? v / 1000 : v ~ /ms$/ ? v + 0 : v * 1000 }
      /Requests\/sec/ {rps=$2} /^ +50%/ {p50=ms($2)} /^ +99%/ {p99=ms($2)}
      END {printf "%-2s %-6s %9.1f req/s  p50 %7.2f ms  p99 %7.2f ms\n", build, call, rps, p50, p99}' \
      "$WORK/compare-$call.wrk" | tee -a "$WORK/compare-runs.txt"
  done
}

echo "builds: A=$a B=$b; GET at 32 connections, PATCH at 2; $duration per run, $rounds rounds; $(machine)"
for _ in $(seq "$rounds"); do
  measure A "$a"
  measure B "$b"
done
awk "$AWK_MEDIAN"'
  {k = $1 " " $2; m = n[k]++; rps[k, m] = $3; p50[k, m] = $6; p99[k, m] = $9}
  END {
    split("get patch", calls, " ")
    for (c = 1; c <= 2; c++) {
      for (side = 0; side < 2; side++) {
        k = (side ? "B " : "A ") calls[c]
        for (i = 0; i < n[k]; i++) {r[i] = rps[k, i]; q[i] = p50[k, i]; z[i] = p99[k, i]}
        mr[side] = median(r, n[k]); m50[side] = median(q, n[k]); m99[side] = median(z, n[k])
        printf "median %-7s %9.1f req/s  p50 %7.2f ms  p99 %7.2f ms\n", k, mr[side], m50[side], m99[side]
      }
      printf "ratio B/A %-5s req/s %.3f  p50 %.3f  p99 %.3f\n", calls[c], mr[1] / mr[0], m50[1] / m50[0], m99[1] / m99[0]
    }
  }' "$WORK/compare-runs.txt"
