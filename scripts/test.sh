#!/usr/bin/env bash
# Sets up everything the tests need (Node 24, Yarn 4, dependencies, Chromium, PostgreSQL) and
# runs the whole suite: unit, component and integration tests on SQLite and PostgreSQL, then the
# end-to-end tests in Chromium against the portal started as the README starts it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh
bash scripts/test-prerequisites.sh
. scripts/postgres.sh
cocktail_start_postgres
trap cocktail_stop_postgres EXIT

# Backstage's TestDatabases would try Docker for databases it has no connection string for.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
# @kubernetes/client-node is ESM-only; Jest loads it through Node's VM modules.
export NODE_OPTIONS="${NODE_OPTIONS:-} --no-node-snapshot --experimental-vm-modules"
CI=true yarn backstage-cli repo test --ci
yarn test:e2e
yarn test:kubectl
