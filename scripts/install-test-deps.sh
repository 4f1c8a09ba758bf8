#!/usr/bin/env bash
# Installs the system packages the test suite needs on a fresh Debian machine (run as root):
# Debian's Chromium for Playwright (a browser download cannot work here), Debian's AWS CLI v2, and
# Debian's PostgreSQL server, which the storage tests and the shared-links flow run against
# (scripts/postgres-cluster.sh starts a throw-away cluster of it; the package's own cluster is left alone).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s awscli >/dev/null 2>&1 || need+=(awscli)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -eq 0 ]; then
  echo "test dependencies present: chromium, awscli, postgresql"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "missing ${need[*]}: run this script as root (apt-get install)" >&2
  exit 1
fi
apt-get update -qq
apt-get install -y -qq "${need[@]}" >/dev/null
echo "installed: ${need[*]}"
