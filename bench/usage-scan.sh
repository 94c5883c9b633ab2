#!/usr/bin/env bash
# The data_usage_spike scan at scale. Gives every SIM of tenant acme a usage counter in its current period (synthetic,
# straight in the database), then times scan_data_usage over all of them, 10,000 SIMs per transaction as the service
# runs it (UsageSpikes): a pass where every SIM is seen for the first time, a pass after every counter grew (each SIM's
# day counted, and judged), and a pass where nothing changed. Prints each pass's chunks, total and slowest chunk (the
# longest a transaction of the scan stays open).
# Usage: bench/usage-scan.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "${CELLGATE_STATE:-$REPO_ROOT/.cellgate/dev}/env"
ensure_tool psql postgresql-client
export PGPASSWORD=$CELLGATE_DB_OWNER_PASSWORD
psql_() { psql -h "$CELLGATE_DB_HOST" -p "$CELLGATE_DB_PORT" -U "$CELLGATE_DB_OWNER_USER" "$CELLGATE_DB_NAME" -Atq "$@"; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

scan_pass() { # scan_pass NAME
  local after='' chunks=0 slowest=0 start last t0 took
  start=$(now_ms)
  while :; do
    t0=$(now_ms)
    last=$(psql_ -c "SELECT scan_data_usage('acme', '$after', 10000, false, true, 5, 1048576, 14, 7) ->> 'last'")
    took=$(( $(now_ms) - t0 ))
    [ "$took" -gt "$slowest" ] && slowest=$took
    chunks=$((chunks + 1))
    [ -z "$last" ] && break
    after=$last
  done
  echo "$1: chunks=$chunks total_ms=$(( $(now_ms) - start )) slowest_chunk_ms=$slowest"
}

psql_ -c "INSERT INTO usage_counters (tenant_id, iccid, period, data_bytes_up, data_bytes_down)
          SELECT s.tenant_id, s.iccid, usage_period(t.billing_day), 1000, 1000
          FROM sims s JOIN tenants t ON t.id = s.tenant_id WHERE s.tenant_id = 'acme'
          ON CONFLICT DO NOTHING"
psql_ -c "DELETE FROM data_usage_baselines WHERE tenant_id = 'acme'"
echo "SIMs with a counter: $(psql_ -c "SELECT count(*) FROM usage_counters u JOIN tenants t ON t.id = u.tenant_id
                                       WHERE u.tenant_id = 'acme' AND u.period = usage_period(t.billing_day)")"
scan_pass "first seen"
psql_ -c "UPDATE usage_counters u SET data_bytes_down = u.data_bytes_down + 5000 FROM tenants t
          WHERE t.id = u.tenant_id AND u.tenant_id = 'acme' AND u.period = usage_period(t.billing_day)"
scan_pass "every counter grew"
scan_pass "nothing changed"
