#!/bin/sh
# Run once by the postgres image when its database is created (docker/compose.yaml): the role Cellgate's requests use.
# The migrations, run as the owner, grant it what it may do.
set -eu
psql -v ON_ERROR_STOP=1 -v app_password="$APP_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE cellgate_app LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD :'app_password';
SQL
