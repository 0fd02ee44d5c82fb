#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the tests and exports the connection string Backstage's
# TestDatabases reads. Source it; call cocktail_stop_postgres when done.
# Uses Debian's PostgreSQL 15 (installed by scripts/test-prerequisites.sh).

cocktail_pg_port="${COCKTAIL_TEST_POSTGRES_PORT:-55432}"

cocktail_pg_bindir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

cocktail_as_pg_user() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

cocktail_start_postgres() {
  local bindir password
  bindir="$(cocktail_pg_bindir)" || {
    echo "postgres: no PostgreSQL server found; the database tests run on SQLite only" >&2
    return 0
  }
  cocktail_pg_dir="$(mktemp -d /tmp/cocktail-pg.XXXXXX)"
  password="cocktail-test-$$"
  echo "$password" > "$cocktail_pg_dir/pwfile"
  [ "$(id -u)" = 0 ] && chown -R postgres "$cocktail_pg_dir"
  cocktail_as_pg_user "'$bindir/initdb' -D '$cocktail_pg_dir/data' -U postgres --pwfile='$cocktail_pg_dir/pwfile' -A scram-sha-256 --no-sync >'$cocktail_pg_dir/initdb.log' 2>&1" || {
    echo "postgres: initdb failed, see $cocktail_pg_dir/initdb.log" >&2
    return 1
  }
  cocktail_as_pg_user "'$bindir/pg_ctl' -D '$cocktail_pg_dir/data' -l '$cocktail_pg_dir/server.log' -o \"-p $cocktail_pg_port -k '$cocktail_pg_dir' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" -w start >/dev/null" || {
    echo "postgres: the server did not start, see $cocktail_pg_dir/server.log" >&2
    return 1
  }
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres:$password@127.0.0.1:$cocktail_pg_port"
  echo "postgres: PostgreSQL running on 127.0.0.1:$cocktail_pg_port for the tests" >&2
}

cocktail_stop_postgres() {
  [ -n "${cocktail_pg_dir:-}" ] || return 0
  local bindir
  bindir="$(cocktail_pg_bindir)" || return 0
  cocktail_as_pg_user "'$bindir/pg_ctl' -D '$cocktail_pg_dir/data' -m fast -w stop >/dev/null 2>&1"
  rm -rf "$cocktail_pg_dir"
  unset BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING cocktail_pg_dir
}
