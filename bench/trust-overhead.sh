#!/usr/bin/env bash
# What authentication, the rate limit and the audit trail add to a mutating call: PATCH /api/v1/sims/{iccid} under
# the same load in four arms, each a fresh service (port 8090) on the database of scripts/infra:
#   all       verified token, rate limit, audit record committed with the change   (the service as shipped)
#   no-audit  verified token, rate limit                  (cellgate.audit.enabled=false)
#   auth      verified token only                         (and cellgate.rate-limit.enabled=false)
#   none      no token: the caller comes from plain headers, which only a build with the "bench" build profile
#             accepts (identity/BenchmarkIdentity); no rate limit, no audit
# Row-level security and the data scope are in every arm. The arms alternate for ROUNDS rounds; each run is
# warmed up for 10 s first. Prints one line per run: arm, req/s, p50, p99 (from wrk), then each arm's medians. With DELAY_MS, every
# connection pauses that long before each request, so all arms see the same moderate load.
# With BENCH_SYNC_COMMIT=off, the database's commits do not wait for the disk for the duration of the run (set on
# the database, reset at exit): this takes the storage's flush stalls, the same for every arm, out of the comparison.
# Usage: bench/trust-overhead.sh [DURATION=20s] [CONNECTIONS=2] [ROUNDS=2] [DELAY_MS=0]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "${CELLGATE_STATE:-$REPO_ROOT/.cellgate/dev}/env"
ensure_wrk
ensure_tool jq
duration=${1:-20s} connections=${2:-2} rounds=${3:-2}
export BENCH_DELAY_MS=${4:-0}
threads=$(( connections < 2 ? connections : 2 ))
port=8090 url=http://127.0.0.1:8090
cd "$REPO_ROOT"

psql_owner() { PGPASSWORD=$CELLGATE_DB_OWNER_PASSWORD psql -h "$CELLGATE_DB_HOST" -p "$CELLGATE_DB_PORT" \
  -U "$CELLGATE_DB_OWNER_USER" "$CELLGATE_DB_NAME" -Atq "$@"; }
sync_commit=${BENCH_SYNC_COMMIT:-on}
if [ "$sync_commit" != on ]; then
  trap 'psql_owner -c "ALTER DATABASE \"$CELLGATE_DB_NAME\" RESET synchronous_commit"' EXIT
  psql_owner -c "ALTER DATABASE \"$CELLGATE_DB_NAME\" SET synchronous_commit = $sync_commit"
fi

build() { # build DIR [MAVEN ARGS]: the packaged service, copied to DIR
  local dir=$1; shift
  if [ ! -d "$dir" ]; then
    ./mvnw -B -q --no-transfer-progress package -DskipTests "$@" >&2
    cp -r target/quarkus-app "$dir"
  fi
}
build "$WORK/app-bench" -Dquarkus.profile=bench
build "$WORK/app-service"

tok=$(token acme-admin)
list=$WORK/acme-iccids.txt

prepare() { # acme's API limit above the load, and the SIMs to patch
  lift_rate_limit acme "$url"
  curl -fsS -H "Authorization: Bearer $tok" "$url/api/v1/sims?limit=1000" | jq -r '.items[].iccid' > "$list"
}

run_arm() { # run_arm NAME APP_DIR [ENV...]
  local name=$1 app=$2; shift 2
  env CELLGATE_HTTP_PORT=$port "$@" java -Xmx1g -jar "$app/quarkus-run.jar" >"$WORK/trust-$name.log" 2>&1 &
  local pid=$!
  for _ in $(seq 120); do curl -fs "$url/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  [ "$name" != all ] || prepare
  if [ "$name" = none ]; then export BENCH_TENANT=acme; unset BENCH_TOKEN; else unset BENCH_TENANT; export BENCH_TOKEN=$tok; fi
  export BENCH_ICCIDS=$list
  wrk -t"$threads" -c"$connections" -d10s -s "$BENCH_DIR/patch-sim.lua" "$url" >/dev/null
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$BENCH_DIR/patch-sim.lua" "$url" >"$WORK/trust-$name.wrk"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  awk -v arm="$name" '
    function ms(v) { return v ~ /us$/ ? v / 1000 : v ~ /ms$/ ? v + 0 : v * 1000 }
    /Requests\/sec/ {rps=$2} /^ +50%/ {p50=ms($2)} /^ +99%/ {p99=ms($2)}
    END {printf "%-9s %8s req/s  p50 %7.2f ms  p99 %7.2f ms\n", arm, rps, p50, p99}' "$WORK/trust-$name.wrk" \
    | tee -a "$WORK/trust-runs.txt"
}

medians() { # the median over the rounds of each arm's p50 and p99
  echo "median of $rounds rounds:"
  for arm in all no-audit auth none; do
    awk -v arm="$arm" "$AWK_MEDIAN"'BEGIN {n = 0} $1 == arm {p50[n] = $5; p99[n] = $8; n++}
      END {printf "%-9s p50 %7.2f ms  p99 %7.2f ms\n", arm, median(p50, n), median(p99, n)}' "$WORK/trust-runs.txt"
  done
}

echo "PATCH /api/v1/sims/{iccid}: $connections connections, $duration per run, $rounds rounds, pause $BENCH_DELAY_MS ms," \
  "synchronous_commit $sync_commit"
: > "$WORK/trust-runs.txt"
for _ in $(seq "$rounds"); do
  run_arm all "$WORK/app-service"
  run_arm no-audit "$WORK/app-service" CELLGATE_AUDIT_ENABLED=false
  run_arm auth "$WORK/app-service" CELLGATE_AUDIT_ENABLED=false CELLGATE_RATE_LIMIT_ENABLED=false
  run_arm none "$WORK/app-bench" CELLGATE_AUDIT_ENABLED=false CELLGATE_RATE_LIMIT_ENABLED=false
done
medians
