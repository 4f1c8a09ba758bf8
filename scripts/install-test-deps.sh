#!/usr/bin/env bash
# Installs the system packages the test suite needs on a fresh Debian machine (run as root):
# Debian's Chromium for Playwright (a browser download cannot work here) and Debian's AWS CLI v2.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s awscli >/dev/null 2>&1 || need+=(awscli)
if [ ${#need[@]} -eq 0 ]; then
  echo "test dependencies present: chromium, awscli"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "missing ${need[*]}: run this script as root (apt-get install)" >&2
  exit 1
fi
apt-get update -qq
apt-get install -y -qq "${need[@]}" >/dev/null
echo "installed: ${need[*]}"
