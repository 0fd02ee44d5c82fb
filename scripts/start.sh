#!/usr/bin/env bash
# Sets up (Node 24, Yarn 4, dependencies) and starts the portal at http://localhost:3000 with its
# embedded defaults: SQLite under .data/, guest sign-in and the example catalog.
# Extra arguments go to `backstage-cli repo start`, e.g. --config for another app-config file.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh
mkdir -p .data/sqlite
exec yarn start "$@"
