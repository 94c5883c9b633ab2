#!/usr/bin/env bash
# Builds an audit chain of N records (default 1,000,000) for tenant "bench-audit" straight in the database, then
# times its verification through the API (GET /api/v1/admin/audit/verify?chain=bench-audit) three times.
# Usage: bench/audit-verify.sh [RECORDS=1000000]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "${CELLGATE_STATE:-$REPO_ROOT/.cellgate/dev}/env"
ensure_tool psql postgresql-client
records=${1:-1000000}
# As the owner of the schema: row-level security would hide the chain from the service's own role.
export PGPASSWORD=$CELLGATE_DB_OWNER_PASSWORD
psql_() { psql -h "$CELLGATE_DB_HOST" -p "$CELLGATE_DB_PORT" -U "$CELLGATE_DB_OWNER_USER" "$CELLGATE_DB_NAME" -Atq "$@"; }
have=$(psql_ -c "SELECT coalesce((SELECT seq FROM audit_chains WHERE chain = 'bench-audit'), 0)")
if [ "$have" -lt "$records" ]; then
  echo "appending $((records - have)) records to chain bench-audit" >&2
  # one commit per 1,000 appends: a single transaction rewriting the chain head a million times would crawl
  psql_ -c "DO \$\$
    BEGIN
      FOR batch IN 0..(($records - $have - 1) / 1000) LOOP
        PERFORM audit_append('bench-audit', 'bench', '{tenant-admin}', true, '127.0.0.1', 'bench', NULL,
                  'updateSim', 'PATCH', '/api/v1/sims/' || g, 'success', NULL,
                  jsonb_build_object('before', jsonb_build_object('name', 'a'), 'after', jsonb_build_object('name', 'b')))
        FROM generate_series($have + 1 + batch * 1000, least($records, $have + (batch + 1) * 1000)) g;
        COMMIT;
      END LOOP;
    END \$\$"
fi
ops=$(token ops)
for _ in 1 2 3; do
  curl -sS -o "$WORK/audit-verify.out" -w 'verify seconds=%{time_total} ' -H "Authorization: Bearer $ops" \
    "$BASE_URL/api/v1/admin/audit/verify?chain=bench-audit"
  cat "$WORK/audit-verify.out"; echo
done
