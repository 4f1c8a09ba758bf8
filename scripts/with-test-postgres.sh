#!/usr/bin/env bash
# Runs a command with PIPEWRIGHT_TEST_DATABASE_URL pointing at a PostgreSQL server, so the storage
# tests and the shared-links flow run against PostgreSQL as well as SQLite:
#   - already set: runs the command as it is;
#   - else, with Debian's PostgreSQL installed (scripts/install-test-deps.sh): starts a throw-away
#     cluster on the first free port from 55432 (scripts/postgres-cluster.sh), runs the command,
#     and stops and deletes the cluster however the command ends;
#   - else: says so, and runs the command (the PostgreSQL tests are skipped).
set -uo pipefail
cd "$(dirname "$0")/.."
if [ -n "${PIPEWRIGHT_TEST_DATABASE_URL:-}" ]; then exec "$@"; fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "PostgreSQL is not installed (bash scripts/install-test-deps.sh as root): its storage tests are skipped" >&2
  exec "$@"
fi
port=55432
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
if ! pg_env=$(bash scripts/postgres-cluster.sh start "$port"); then
  echo "starting PostgreSQL failed" >&2
  exit 1
fi
eval "$pg_env"
trap 'bash scripts/postgres-cluster.sh stop "$PIPEWRIGHT_PG_DIR"' EXIT
export PIPEWRIGHT_TEST_DATABASE_URL="$DATABASE_URL"
# The app under test keeps its default (SQLite); only the tests that ask for PostgreSQL use it.
unset DATABASE_URL
echo "PostgreSQL for the tests: $PIPEWRIGHT_TEST_DATABASE_URL"
"$@"
