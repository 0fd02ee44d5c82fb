#!/usr/bin/env bash
# The production smoke test (test/production/smoke.mjs): the built bundle installed by
# packages/backend/Dockerfile's steps, started twice on a throwaway PostgreSQL, people signing in
# through a local OpenID Connect provider. Needs Chromium and PostgreSQL (scripts/test.sh
# installs them).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh
bash scripts/test-prerequisites.sh
# A port of its own, so that it never meets the test suite's PostgreSQL.
COCKTAIL_TEST_POSTGRES_PORT="${COCKTAIL_SMOKE_POSTGRES_PORT:-55433}"
. scripts/postgres.sh
cocktail_start_postgres
trap cocktail_stop_postgres EXIT
node test/production/smoke.mjs
