#!/usr/bin/env bash
# Decision-view lookups by IMSI with the service's own query and mapping (bench/DecisionLookupBench.java),
# against the database of the running demo (scripts/infra env). Build the service first (scripts/run does).
# Usage: bench/decision-lookup.sh [SECONDS=30] [IN_FLIGHT=64] [POOL_SIZE=8]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "${CELLGATE_STATE:-$REPO_ROOT/.cellgate/dev}/env"
cd "$REPO_ROOT"
java -Xmx1g -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" bench/DecisionLookupBench.java \
  "$CELLGATE_DB_HOST" "$CELLGATE_DB_PORT" "$CELLGATE_DB_NAME" "$CELLGATE_DB_USER" "$CELLGATE_DB_PASSWORD" \
  "${1:-30}" "${2:-64}" "${3:-8}"
