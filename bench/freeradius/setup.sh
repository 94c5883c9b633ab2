#!/usr/bin/env bash
# Prepares FreeRADIUS 3.2 (Debian's freeradius, freeradius-postgresql) as the reference of bench/radius.sh, in
# .cellgate/bench/freeradius: Debian's configuration copied, run as the current user, one client (127.0.0.1) that must
# send Message-Authenticator, the virtual server of site-bench, and the SIMs of the batches as users with Auth-Type
# Accept and a Framed-IP-Address (the j-th batch's pool: 10.(64 + 4 × (FIRST_POOL + j)).0.0/14, as radius-setup.sh
# made them), both in a flat users file and in PostgreSQL (radcheck/radreply of database "radius" on the demo's
# PostgreSQL).
# Usage: bench/freeradius/setup.sh BATCHES COUNT SECRET [FIRST_POOL=0]   (BATCHES comma-separated; COUNT SIMs each)
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
source "${CELLGATE_STATE:-$REPO_ROOT/.cellgate/dev}/env"
batches=$1 count=$2 secret=$3 first_pool=${4:-0}
ensure_tool freeradius freeradius
dpkg -s freeradius-postgresql >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -q freeradius-postgresql >&2
dir=$WORK/freeradius
rm -rf "$dir" && mkdir -p "$dir/log" "$dir/run"
cp -a /etc/freeradius/3.0 "$dir/raddb"
raddb=$dir/raddb
sed -i -e "s|^logdir = .*|logdir = $dir/log|" -e "s|^run_dir = .*|run_dir = $dir/run|" \
  -e 's|^\s*user = freerad|#&|' -e 's|^\s*group = freerad|#&|' -e 's|^proxy_requests  = yes|proxy_requests = no|' \
  "$raddb/radiusd.conf"
rm -f "$raddb"/sites-enabled/* "$raddb"/mods-enabled/*
for module in always expr files; do ln -s "../mods-available/$module" "$raddb/mods-enabled/$module"; done
sed -e "s|^\tdialect = \"sqlite\"|\tdialect = \"postgresql\"|" -e 's|^\tdriver = "rlm_sql_null"|\tdriver = "rlm_sql_${dialect}"|' \
  -e "s|^\tradius_db = \"radius\"|\tradius_db = \"host=$CELLGATE_DB_HOST port=$CELLGATE_DB_PORT dbname=radius user=$CELLGATE_DB_OWNER_USER password=$CELLGATE_DB_OWNER_PASSWORD\"|" \
  -e 's|^\t#*\s*read_groups = .*|\tread_groups = no|' -e 's|^\t#*\s*read_profiles = .*|\tread_profiles = no|' \
  "$raddb/mods-available/sql" > "$raddb/mods-enabled/sql"
cat > "$raddb/clients.conf" <<CLIENTS
client bench {
	ipaddr = 127.0.0.1
	secret = $secret
	require_message_authenticator = yes
}
CLIENTS

# The users: IMSI 9<batch><7 digits>, address 10.(64 + 4 × pool + i/65536).(i/256%256).(i%256) as in Cellgate's pools.
users() { # users FORMAT: one line per SIM of every batch, printf'd with IMSI and the address's three upper octets
  awk -v batches="$batches" -v count="$count" -v first="$first_pool" -v format="$1" 'BEGIN {
    n = split(batches, b, ",")
    for (j = 1; j <= n; j++) for (i = 0; i < count; i++)
      printf format, sprintf("9%07d%07d", b[j], i), 64 + 4 * (first + j - 1) + int(i / 65536), int(i / 256) % 256, i % 256
  }'
}
users '%s Auth-Type := Accept\n\tFramed-IP-Address = 10.%d.%d.%d\n\n' > "$raddb/mods-config/files/authorize"
psql_owner() { PGPASSWORD=$CELLGATE_DB_OWNER_PASSWORD psql -q -h "$CELLGATE_DB_HOST" -p "$CELLGATE_DB_PORT" -U "$CELLGATE_DB_OWNER_USER" "$@"; }
state=${CELLGATE_STATE:-$REPO_ROOT/.cellgate/dev}
PGPASSWORD=$(cat "$state/pg/superuser-password") psql -q -h "$CELLGATE_DB_HOST" -p "$CELLGATE_DB_PORT" -U postgres -d postgres \
  -c 'DROP DATABASE IF EXISTS radius' -c "CREATE DATABASE radius OWNER $CELLGATE_DB_OWNER_USER"
psql_owner -d radius -f "$raddb/mods-config/sql/main/postgresql/schema.sql" >/dev/null
users '%s\tAuth-Type\t:=\tAccept\n%.0s%.0s%.0s' \
  | psql_owner -d radius -c '\copy radcheck (username, attribute, op, value) FROM STDIN'
users '%s\tFramed-IP-Address\t=\t10.%d.%d.%d\n' \
  | psql_owner -d radius -c '\copy radreply (username, attribute, op, value) FROM STDIN'
psql_owner -d radius -c 'ANALYZE radcheck' -c 'ANALYZE radreply'
echo "freeradius: configured in $raddb for $count users of each batch of $batches"
