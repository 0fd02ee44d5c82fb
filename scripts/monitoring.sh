# Starts the demo's Prometheus and Alertmanager (Debian's `prometheus` 2.42 and
# `prometheus-alertmanager` 0.25) with the configs in monitoring/: Prometheus scrapes the
# simulated clusters' /metrics on 127.0.0.1:19090 and sends alerts to Alertmanager on
# 127.0.0.1:19093, which sends them to the portal. Source it, then call cocktail_start_monitoring;
# it appends the processes it started to cocktail_demo_pids. Where the packages are missing and
# cannot be installed, it says so and the portal runs without history.

cocktail_monitoring_installed() {
  command -v prometheus >/dev/null 2>&1 && command -v prometheus-alertmanager >/dev/null 2>&1
}

cocktail_install_monitoring() {
  cocktail_monitoring_installed && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "start: Prometheus and Alertmanager are not installed (Debian: apt-get install prometheus prometheus-alertmanager); the portal runs without history and alerts" >&2
    return 1
  fi
  echo "start: installing Prometheus and Alertmanager from Debian's packages" >&2
  (
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends prometheus prometheus-alertmanager >/dev/null
  ) || {
    echo "start: installing Prometheus and Alertmanager failed; the portal runs without history and alerts" >&2
    return 1
  }
}

# Serves one of the two on its port, unless something already listens there.
cocktail_start_monitoring_process() {
  local name="$1" port="$2"
  shift 2
  if (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "start: something already listens on 127.0.0.1:$port; using it as the demo's $name" >&2
    return 0
  fi
  "$@" > ".data/$name.log" 2>&1 &
  cocktail_demo_pids+=("$!")
}

cocktail_start_monitoring() {
  [ "${COCKTAIL_DEMO_MONITORING:-true}" != false ] || return 0
  cocktail_install_monitoring || return 0
  # Tests point these at a copy of the configs with shorter intervals, and at a fresh TSDB.
  local config_dir="${COCKTAIL_MONITORING_CONFIG_DIR:-monitoring}"
  local data_dir="${COCKTAIL_MONITORING_DATA_DIR:-.data}"
  mkdir -p "$data_dir/prometheus" "$data_dir/alertmanager"
  cocktail_start_monitoring_process prometheus 19090 \
    prometheus --config.file="$config_dir/prometheus.yml" --storage.tsdb.path="$data_dir/prometheus" \
    --storage.tsdb.retention.time=15d --web.listen-address=127.0.0.1:19090
  cocktail_start_monitoring_process alertmanager 19093 \
    prometheus-alertmanager --config.file="$config_dir/alertmanager.yml" \
    --storage.path="$data_dir/alertmanager" --web.listen-address=127.0.0.1:19093 --cluster.listen-address=
}
