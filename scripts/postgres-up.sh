#!/usr/bin/env bash
# Make sure a local PostgreSQL server (Debian's `postgresql` package) is
# installed and running, with a role and a database for this project, then
# print its DATABASE_URL on stdout (everything else goes to stderr).
#
# Safe to run again and again. Needs root, or sudo. Used by `make test-postgres`
# and so by .ci/run. PG_USER, PG_PASSWORD and PG_DB change the names.
set -euo pipefail

PG_USER=${PG_USER:-deduct}
PG_PASSWORD=${PG_PASSWORD:-deduct}
PG_DB=${PG_DB:-deduct}

say() { echo "postgres-up: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else (cd / && sudo -u postgres "$@"); fi
}

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  say "installing Debian's postgresql package"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
cluster() { pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"'; }

if [ -z "$(cluster)" ]; then
  say "creating cluster $version/main"
  as_root pg_createcluster --encoding=UTF8 --locale=C.UTF-8 "$version" main >&2
fi
case "$(cluster | awk '{print $4}')" in
  online*) ;;
  *)
    say "starting cluster $version/main"
    as_root pg_ctlcluster "$version" main start >&2
    ;;
esac
port=$(cluster | awk '{print $3}')

for _ in $(seq 60); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 0.5
done
pg_isready -h 127.0.0.1 -p "$port" >&2

psql_admin() { as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -qAt "$@"; }

if [ "$(psql_admin -c "SHOW server_encoding" -d template1)" != UTF8 ]; then
  # A cluster made by the package under a C/POSIX locale: give new databases UTF-8.
  say "making template1 UTF-8"
  psql_admin -d postgres \
    -c "UPDATE pg_database SET datistemplate = false WHERE datname = 'template1'" \
    -c "DROP DATABASE template1" \
    -c "CREATE DATABASE template1 TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'" \
    -c "UPDATE pg_database SET datistemplate = true WHERE datname = 'template1'"
fi

# CREATEDB: the test runner creates and drops its own test_<name> database.
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" = 1 ]; then
  psql_admin -c "ALTER ROLE \"$PG_USER\" LOGIN CREATEDB PASSWORD '$PG_PASSWORD'"
else
  say "creating role $PG_USER"
  psql_admin -c "CREATE ROLE \"$PG_USER\" LOGIN CREATEDB PASSWORD '$PG_PASSWORD'"
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != 1 ]; then
  say "creating database $PG_DB"
  psql_admin -c "CREATE DATABASE \"$PG_DB\" OWNER \"$PG_USER\" ENCODING 'UTF8' TEMPLATE template0"
fi

echo "postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$port/$PG_DB"
