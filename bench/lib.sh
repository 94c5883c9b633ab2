# Shared helpers of the benchmarks. They run against a running Cellgate (scripts/run), by default
# http://localhost:8080, and take tokens of the demo users with scripts/token.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$BENCH_DIR/.." && pwd)
BASE_URL=${CELLGATE_URL:-http://localhost:8080}
WORK=${BENCH_WORK:-$REPO_ROOT/.cellgate/bench}
mkdir -p "$WORK"

token() { "$REPO_ROOT/scripts/token" "$1"; }

# gen_sims BATCH COUNT: a JSON array of COUNT SIMs with valid, unique identifiers for a 7-digit BATCH.
gen_sims() {
  awk -v batch="$1" -v count="$2" '
    function luhn(s,   i, sum, d, dbl) {
      sum = 0; dbl = 1
      for (i = length(s); i >= 1; i--) {
        d = substr(s, i, 1) + 0
        if (dbl) { d *= 2; if (d > 9) d -= 9 }
        sum += d; dbl = !dbl
      }
      return (10 - sum % 10) % 10
    }
    BEGIN {
      printf "["
      for (i = 0; i < count; i++) {
        payload = sprintf("8988%07d%08d", batch, i)
        printf "%s{\"iccid\":\"%s%d\",\"imsi\":\"9%07d%07d\",\"msisdn\":\"+88%07d%06d\",\"labels\":{\"bench\":\"%s\"}}", \
          (i ? "," : ""), payload, luhn(payload), batch, i, batch, i, batch
      }
      printf "]"
    }'
}

# iccid_prefix BATCH: the ICCID prefix shared by a batch.
iccid_prefix() { printf '8988%07d' "$((10#$1))"; }

new_batch() { printf '%07d' $(( (RANDOM * 32768 + RANDOM) % 10000000 )); }

ensure_tool() { # ensure_tool COMMAND [DEBIAN_PACKAGE]
  command -v "$1" >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${2:-$1}" >&2
}

ensure_wrk() { ensure_tool wrk; }

machine() {
  printf '%s, %s cores, %s RAM, %s' "$(. /etc/os-release && echo "$PRETTY_NAME")" "$(nproc)" \
    "$(free -g | awk '/Mem:/ {print $2 " GiB"}')" "$(java -version 2>&1 | head -1)"
}

# lift_rate_limit TENANT [URL]: the tenant's API limit far above any load a benchmark makes, so that a benchmark
# measures the service and not the limit (the limit's own cost is in trust-overhead.sh).
lift_rate_limit() {
  curl -fsS -X PATCH -H "Authorization: Bearer $(token ops)" -H 'Content-Type: application/json' \
    -d '{"quotas": {"api_requests_per_second": 100000, "api_burst": 100000}}' "${2:-$BASE_URL}/api/v1/admin/tenants/$1" >/dev/null
}

# An awk function for scripts that summarise runs: median(array indexed 0..n-1, n); sorts the array in place.
AWK_MEDIAN='function median(a, n,   i, j, t) {
  for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (a[j] < a[i]) {t = a[i]; a[i] = a[j]; a[j] = t}
  return n % 2 ? a[int(n / 2)] : (a[n / 2 - 1] + a[n / 2]) / 2
}
'
