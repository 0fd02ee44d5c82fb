// Benchmark: the backend's share of a server's chart requests, with 24 h of its series at a
// 15 s scrape in a real Prometheus (Debian's 2.42; backfilled with `promtool tsdb
// create-blocks-from openmetrics`). The backend's code (TimeSeriesService: query building, the
// seven range queries through PrometheusClient, merging pods and totals) runs for every range
// with its cache off; its share of each request is the request's time minus the time during
// which it was waiting for Prometheus' answers to arrive. A second pass shows the cache's answers. HTTP, sign-in and the
// permission check around it are measured by bench:status (its floor).
// Prints `key=value` figures on one line per range; progress goes to stderr.
// Run with: yarn bench:monitoring        (MONITORING_REQUESTS=50 for fewer)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { percentile } from './support/stats.mjs';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const monitoringDir = '../../plugins/cocktail-backend/src/monitoring';
const { TimeSeriesService } = require(`${monitoringDir}/TimeSeriesService.ts`);
const { PrometheusClient } = require(`${monitoringDir}/PrometheusClient.ts`);
const { DEFAULT_SERIES_QUERIES } = require(`${monitoringDir}/seriesQueries.ts`);
const { startPrometheus } = require('../../packages/kube-sim/src/index.ts');

const REQUESTS = Number(process.env.MONITORING_REQUESTS ?? 200);
const WARMUP = 10;
const SCRAPE_SECONDS = 15;
const HOURS = 24;
const PODS = 3;
const NAMESPACE = 'payments-prod';
const SERVER = 'payments-api';

const log = message => process.stderr.write(`${message}\n`);

/** One server's pods as cAdvisor and kube-state-metrics would have exposed them for 24 h. */
function writeOpenMetrics(file, end) {
  const start = end - HOURS * 3600;
  const out = fs.createWriteStream(file);
  const lines = [];
  const flush = () => {
    out.write(lines.join('\n'));
    out.write('\n');
    lines.length = 0;
  };
  const labels = (pod, extra = '') =>
    `cluster="bench",namespace="${NAMESPACE}",pod="${pod}"${extra}`;
  const pods = Array.from({ length: PODS }, (_, i) => `${SERVER}-7d9f8-${i}`);
  const family = (name, series) => {
    lines.push(`# TYPE ${name} gauge`);
    for (const [labelText, valueAt] of series) {
      for (let t = start; t <= end; t += SCRAPE_SECONDS) {
        lines.push(`${name}{${labelText}} ${valueAt(t)} ${t}`);
      }
      flush();
    }
  };
  // Usage follows a daily wave; counters are its running sums.
  const cores = (i, t) =>
    0.15 + 0.05 * i + 0.1 * Math.sin((2 * Math.PI * (t - start)) / 86400);
  const cumulative = (perSecond, i) => t => {
    // Closed form of the wave's integral keeps the counter monotonic and cheap to write.
    const s = t - start;
    return (
      perSecond *
      ((0.15 + 0.05 * i) * s +
        (0.1 * 86400 * (1 - Math.cos((2 * Math.PI * s) / 86400))) /
          (2 * Math.PI))
    ).toFixed(3);
  };
  family(
    'container_cpu_usage_seconds_total',
    pods.map((pod, i) => [labels(pod, ',container="api"'), cumulative(1, i)]),
  );
  family(
    'container_memory_working_set_bytes',
    pods.map((pod, i) => [
      labels(pod, ',container="api"'),
      t => Math.round(2 ** 28 * (0.5 + cores(i, t))),
    ]),
  );
  family(
    'container_network_receive_bytes_total',
    pods.map((pod, i) => [
      labels(pod, ',interface="eth0"'),
      cumulative(4e5, i),
    ]),
  );
  family(
    'container_network_transmit_bytes_total',
    pods.map((pod, i) => [
      labels(pod, ',interface="eth0"'),
      cumulative(2.4e5, i),
    ]),
  );
  family(
    'kube_pod_container_status_restarts_total',
    pods.map(pod => [labels(pod, ',container="api"'), () => 0]),
  );
  for (const name of [
    'kube_pod_container_resource_requests',
    'kube_pod_container_resource_limits',
  ]) {
    family(
      name,
      pods.flatMap(pod => [
        [
          labels(pod, ',container="api",resource="cpu",unit="core"'),
          () => 0.25,
        ],
        [
          labels(pod, ',container="api",resource="memory",unit="byte"'),
          () => 2 ** 29,
        ],
      ]),
    );
  }
  family(
    'kube_pod_labels',
    pods.map(pod => [
      labels(pod, `,label_cocktailcloud_io_server="${SERVER}"`),
      () => 1,
    ]),
  );
  lines.push('# EOF');
  flush();
  return new Promise(resolve => out.end(resolve));
}

/**
 * Times how long at least one request was waiting for Prometheus' answer (sent until its body
 * has arrived; the queries of one chart request run side by side, so their times overlap).
 * Reading the JSON and everything after it stays the backend's share.
 */
const waiting = { ms: 0, inFlight: 0, since: 0 };
const realFetch = globalThis.fetch;
globalThis.fetch = async (...args) => {
  if (waiting.inFlight++ === 0) {
    waiting.since = performance.now();
  }
  try {
    const response = await realFetch(...args);
    const body = await response.text();
    return new Response(body, {
      status: response.status,
      headers: response.headers,
    });
  } finally {
    if (--waiting.inFlight === 0) {
      waiting.ms += performance.now() - waiting.since;
    }
  }
};

function timeSeriesService(prometheusUrl, client, cacheSeconds) {
  return new TimeSeriesService({
    endpoints: {
      forCluster: async () => ({
        prometheus: {
          url: prometheusUrl,
          headers: {},
          labels: { cluster: 'bench' },
          source: 'bench',
        },
        problems: [],
      }),
    },
    client,
    queries: DEFAULT_SERIES_QUERIES,
    cacheSeconds,
  });
}

async function main() {
  const dir = fs.mkdtempSync(
    path.join(os.tmpdir(), 'cocktail-bench-monitoring-'),
  );
  const end = Math.floor(Date.now() / 1000 / SCRAPE_SECONDS) * SCRAPE_SECONDS;
  const file = path.join(dir, 'series.om');
  log(`writing ${HOURS} h of ${PODS} pods' series at ${SCRAPE_SECONDS} s…`);
  await writeOpenMetrics(file, end);
  log('backfilling with promtool…');
  const started = performance.now();
  execFileSync(
    'promtool',
    ['tsdb', 'create-blocks-from', 'openmetrics', file, path.join(dir, 'data')],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const backfillMs = performance.now() - started;
  const prometheus = await startPrometheus(
    'global:\n  scrape_interval: 15s\n',
    {
      storagePath: path.join(dir, 'data'),
    },
  );
  try {
    const target = { cluster: 'bench', namespace: NAMESPACE, server: SERVER };
    for (const range of ['1h', '6h', '24h']) {
      const client = new PrometheusClient({ timeoutMs: 30_000 });
      // A cache shorter than a microsecond: every request queries Prometheus.
      const uncached = timeSeriesService(prometheus.url, client, 1e-6);
      const first = await uncached.server(target, range);
      const points =
        first.charts.find(c => c.id === 'cpu').series[0]?.points.length ?? 0;
      if (!first.available || points < 200) {
        throw new Error(
          `expected 24 h of points, got ${JSON.stringify(first).slice(0, 300)}`,
        );
      }
      const totals = [];
      const shares = [];
      for (let i = 0; i < WARMUP + REQUESTS; i++) {
        waiting.ms = 0;
        const t0 = performance.now();
        await uncached.server(target, range);
        const total = performance.now() - t0;
        if (i >= WARMUP) {
          totals.push(total);
          shares.push(total - waiting.ms);
        }
      }
      const cached = timeSeriesService(prometheus.url, client, 30);
      await cached.server(target, range);
      const hits = [];
      for (let i = 0; i < REQUESTS; i++) {
        const t0 = performance.now();
        await cached.server(target, range);
        hits.push(performance.now() - t0);
      }
      const f = v => v.toFixed(1);
      console.log(
        `monitoring range=${range} points_per_series=${points} requests=${REQUESTS} ` +
          `request_p50_ms=${f(percentile(totals, 0.5))} request_p95_ms=${f(
            percentile(totals, 0.95),
          )} ` +
          `backend_share_p50_ms=${f(
            percentile(shares, 0.5),
          )} backend_share_p95_ms=${f(percentile(shares, 0.95))} ` +
          `cached_p95_ms=${f(percentile(hits, 0.95))} backfill_ms=${Math.round(
            backfillMs,
          )}`,
      );
    }
  } finally {
    await prometheus.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
