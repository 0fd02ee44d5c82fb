#!/usr/bin/env bash
# Sets up (Node 24, Yarn 4, dependencies) and starts the portal at http://localhost:3000 with its
# embedded defaults: SQLite under .data/, guest sign-in, the example catalog, simulated demo
# clusters and, where they can be installed, Prometheus and Alertmanager watching them.
# Extra arguments go to `backstage-cli repo start`, e.g. --config for another app-config file.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh
mkdir -p .data/sqlite

# The demo clusters (simulated by kube-sim, a test double) with the example servers deployed
# (rendered from the catalog by the suite's CLI, then given to kube-sim as plain manifests),
# at the addresses examples/clusters.yaml gives them; dev also plays the Cluster API management
# cluster, so the new-cluster template works offline. Set COCKTAIL_DEMO_CLUSTERS=false to skip.
# Then Prometheus and Alertmanager watching them (scripts/monitoring.sh), where they can be
# installed; COCKTAIL_DEMO_MONITORING=false skips them.
cocktail_demo_pids=()
trap 'kill "${cocktail_demo_pids[@]}" 2>/dev/null' EXIT
trap 'exit 130' INT TERM
if [ "${COCKTAIL_DEMO_CLUSTERS:-true}" != false ]; then
  if (echo > /dev/tcp/127.0.0.1/18443) 2>/dev/null; then
    echo "start: something already listens on 127.0.0.1:18443; using it as the demo clusters" >&2
  else
    node packages/cli/bin/cocktail servers render examples --out .data/demo-manifests > /dev/null
    node packages/kube-sim/bin/kube-sim --clusters dev,prod --seed .data/demo-manifests --port 18443 --cluster-api dev > .data/kube-sim.log 2>&1 &
    cocktail_demo_pids+=("$!")
  fi
  . scripts/monitoring.sh
  cocktail_start_monitoring
fi

yarn start "$@"
