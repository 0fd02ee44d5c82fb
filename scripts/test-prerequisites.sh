#!/usr/bin/env bash
# Installs what the tests need beyond Node and Yarn, from Debian's packages, when it is missing:
# Chromium for the end-to-end tests, PostgreSQL for the database tests, and Prometheus and
# Alertmanager for the monitoring integration tests.
set -euo pipefail

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
command -v prometheus-alertmanager >/dev/null 2>&1 || missing+=(prometheus-alertmanager)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "test-prerequisites: please install ${missing[*]} (Debian packages); the tests need them" >&2
  exit 1
fi
echo "test-prerequisites: installing ${missing[*]} from Debian's packages" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
