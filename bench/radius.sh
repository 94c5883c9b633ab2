#!/usr/bin/env bash
# Access-Requests/s, latency and server CPU per answer: Cellgate (the running service, PostgreSQL as its source of
# truth, decisions from its in-memory copy) against FreeRADIUS 3.2 with a flat users file and with rlm_sql on
# PostgreSQL, side by side in one run, in interleaved rounds, all loaded by bench/RadiusLoad.java with the same SIMs.
# Prepare with bench/radius-setup.sh (prints the batches).
# Usage: bench/radius.sh BATCHES [SECONDS=20] [IN_FLIGHT=64] [ROUNDS=3] [SECRET=cellgate-demo-radius-secret]
#   BATCHES: comma-separated, 100,000 SIMs each; requests draw SIMs from all of them
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
batches=$1 seconds=${2:-20} in_flight=${3:-64} rounds=${4:-3} secret=${5:-cellgate-demo-radius-secret}
count=100000
prefixes=$(echo "$batches" | sed -e 's/^/9/' -e 's/,/,9/g')
first=${batches%%,*}
raddb=$WORK/freeradius/raddb
fr_port=21645
cellgate_pid=$(pgrep -f 'quarkus-app/quarkus-run.jar' | head -1)
[ -n "$cellgate_pid" ] || { echo "no running Cellgate (scripts/run)" >&2; exit 1; }
results=$WORK/radius-$first.txt
: > "$results"

load() { # load NAME PORT PID
  local line
  line=$(java -Xmx512m "$BENCH_DIR/RadiusLoad.java" auth 127.0.0.1 "$2" "$secret" "$prefixes" "$count" "$seconds" "$in_flight" "$3")
  echo "$1 $line" | tee -a "$results"
}

fr_pid=
freeradius_with() { # freeradius_with MODULE: starts FreeRADIUS deciding with files or sql (its pid in fr_pid)
  sed -e "s/@MODULE@/$1/" -e "s/@PORT@/$fr_port/" "$BENCH_DIR/freeradius/site-bench" > "$raddb/sites-enabled/default"
  rm -f "$raddb/mods-enabled/sql"
  [ "$1" != sql ] || cp "$WORK/freeradius/sql.conf" "$raddb/mods-enabled/sql"
  freeradius -f -d "$raddb" -l "$WORK/freeradius/log/radius-$1.log" >"$WORK/freeradius/log/stdout-$1.log" 2>&1 &
  fr_pid=$!
  for _ in $(seq 1 120); do
    printf 'User-Name = "9%s0000000"\nMessage-Authenticator = 0x00\n' "$first" \
      | radclient -q -r 1 -t 1 "127.0.0.1:$fr_port" auth "$secret" >/dev/null 2>&1 && break
    sleep 1
  done
}

[ -f "$WORK/freeradius/sql.conf" ] || cp "$raddb/mods-enabled/sql" "$WORK/freeradius/sql.conf"
echo "machine: $(machine); $(date -u +%FT%TZ); $(( count * $(echo "$batches" | tr ',' '\n' | wc -l) )) SIMs, $in_flight in flight, $seconds s per run" | tee -a "$results"
for round in $(seq 1 "$rounds"); do
  load cellgate 1812 "$cellgate_pid"
  for module in files sql; do
    freeradius_with "$module"
    load "freeradius-$module" "$fr_port" "$fr_pid"
    kill "$fr_pid"; wait "$fr_pid" 2>/dev/null || true
  done
done
awk "$AWK_MEDIAN"'
  /^machine/ { next }
  { split($2, a, "="); v = a[2] + 0; n[$1]++; rate[$1, n[$1] - 1] = v
    for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "p99_ms") p99[$1, n[$1] - 1] = kv[2] + 0
      if (kv[1] == "server_cpu_ms_per_answer") cpu[$1, n[$1] - 1] = kv[2] + 0 } }
  END {
    for (s in n) { for (i = 0; i < n[s]; i++) { r[i] = rate[s, i]; p[i] = p99[s, i]; c[i] = cpu[s, i] }
      med[s] = median(r, n[s]); printf "%-16s median answers/s %7.0f  p99 %6.2f ms  cpu/answer %.3f ms\n", s, med[s], median(p, n[s]), median(c, n[s]) }
    printf "ratio cellgate/freeradius-files %.2f, cellgate/freeradius-sql %.2f\n", med["cellgate"] / med["freeradius-files"], med["cellgate"] / med["freeradius-sql"]
  }' "$results"
