#!/usr/bin/env bash
# Changes acme's default service profile and measures how long until every SIM following it has the change in its
# decision view. The change and the decision rows commit in one transaction, so the time is that of the PATCH;
# the count afterwards checks it.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "${CELLGATE_STATE:-$REPO_ROOT/.cellgate/dev}/env"
ensure_tool jq
ensure_tool psql postgresql-client
tok=$(token acme-admin)
profiles=$(curl -fsS -H "Authorization: Bearer $tok" "$BASE_URL/api/v1/service-profiles?limit=1000")
id=$(echo "$profiles" | jq -r '.items[] | select(.is_default) | .id')
if [ -z "$id" ]; then
  id=$(curl -fsS -X POST -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
    -d '{"name": "bench-default", "is_default": true}' "$BASE_URL/api/v1/service-profiles" | jq -r .id)
fi
value=$(( $(date +%s) % 1000000 + 1 ))
seconds=$(curl -sS -o "$WORK/profile-change.out" -w '%{time_total}' -X PATCH -H "Authorization: Bearer $tok" \
  -H 'Content-Type: application/json' -H 'If-Match: *' \
  -d "{\"policy\": {\"limits\": {\"sms_count\": {\"limit\": $value}}}}" "$BASE_URL/api/v1/service-profiles/$id")
counts=$(PGPASSWORD=$CELLGATE_DB_OWNER_PASSWORD psql -h "$CELLGATE_DB_HOST" -p "$CELLGATE_DB_PORT" -U "$CELLGATE_DB_OWNER_USER" \
  "$CELLGATE_DB_NAME" -Atc "SELECT count(*) FILTER (WHERE policy #>> '{limits,sms_count,limit}' = '$value'), count(*)
                             FROM sim_decisions WHERE profile_id = '$id'")
echo "profile-change profile=$id seconds=$seconds decisions_updated/total_on_profile=${counts/|//}"
