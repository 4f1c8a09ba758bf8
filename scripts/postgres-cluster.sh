#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests and benchmarks, from Debian's postgresql package:
#   eval "$(bash scripts/postgres-cluster.sh start [port] [dir])"   # exports PIPEWRIGHT_PG_DIR and DATABASE_URL
#   bash scripts/postgres-cluster.sh stop [dir]
# PostgreSQL refuses to run as root, so when started by root the cluster belongs to the `postgres`
# user the package creates. It listens on 127.0.0.1 only, with trust authentication: nothing but
# local test data ever goes into it. Start prints shell `export` lines and nothing else on stdout.
set -euo pipefail

bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
  echo "$dir"
}

# Run from / so the postgres user never has to read the caller's directory (a checkout under /root).
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

start() {
  local port=${1:-55432} dir=${2:-}
  local bin
  bin=$(bin_dir)
  if [ -z "$dir" ]; then dir=$(mktemp -d /tmp/pipewright-pg-XXXXXX); fi
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  # Sockets in the cluster's own directory: /var/run/postgresql may not exist or be writable.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -h 127.0.0.1 -k $dir -c fsync=off -c full_page_writes=off" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  if ! as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'pipewright'" | grep -q 1; then
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres pipewright
  fi
  echo "export PIPEWRIGHT_PG_DIR=$dir"
  echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$port/pipewright"
}

stop() {
  local dir=${1:-${PIPEWRIGHT_PG_DIR:-}}
  [ -n "$dir" ] && [ -d "$dir/data" ] || { echo "no cluster directory given" >&2; exit 1; }
  as_owner "$(bin_dir)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start [port] [dir] | stop [dir]" >&2; exit 2 ;;
esac
