// Benchmark: latency of a server's status, ours (answered from the watch cache) against
// Backstage's Kubernetes plugin (which asks every cluster on each request), next to the floor
// (the stock plugin's cheapest authenticated, permission-checked endpoint), with 1, 5 and 20
// simulated clusters of 2,000 pods each and 20 ms of latency on every Kubernetes request.
// Beyond 20 clusters each holds fewer pods (40,000 in all), so STATUS_CLUSTERS=200 fits.
//
// Run with: yarn bench:status        (STATUS_CLUSTERS=1,5 or STATUS_REQUESTS=50 for less;
//                                     STATUS_CLUSTERS=1,20,200 for the fleet case)
//
// For each cluster count this script starts kube-sim in a process of its own (see
// support/kube-sim-process.mjs) and runs the measurement in a fresh child process of itself,
// which starts a real Backstage backend (createBackend(), the plugins below) against it; both
// are stopped before the next cluster count. It ends with one `status clusters=N …` line per
// cluster count. The machine is shared and noisy: compare figures within one run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BENCH_NAMESPACE, BENCH_SERVER } from './support/fixtures.mjs';
import { percentile, sleep, waitUntil } from './support/stats.mjs';

const SCRIPT = fileURLToPath(import.meta.url);
const REPO = path.resolve(path.dirname(SCRIPT), '../..');
const CLUSTER_COUNTS = (process.env.STATUS_CLUSTERS ?? '1,5,20')
  .split(',')
  .map(Number);
/** Up to 20 clusters each holds 2,000 pods; beyond, 40,000 pods in all, so 200 fit the machine. */
const podsPerCluster = clusters =>
  clusters <= 20 ? 2_000 : Math.max(100, Math.floor(40_000 / clusters));
const serversPerCluster = clusters =>
  Math.min(100, Math.max(1, podsPerCluster(clusters) / 20));
const LATENCY_MS = 20;
const WARMUP = 20;
const REQUESTS = Number(process.env.STATUS_REQUESTS ?? 200);
/** Hard limit of one cluster count, start to stop. */
const CHILD_TIMEOUT_MS = 4 * 60_000;
const RESULT_MARKER = 'STATUS_BENCH_RESULT ';
const PROGRESS_MARKER = '[status-bench] ';

const log = message => process.stdout.write(`${message}\n`);
const ms = value => value.toFixed(1);

// ---------------------------------------------------------------------------------------------
// The parent: one kube-sim process and one measuring child per cluster count.
// ---------------------------------------------------------------------------------------------

function startKubeSim(clusterCount, logFile) {
  const child = spawn(
    process.execPath,
    [
      path.join(path.dirname(SCRIPT), 'support/kube-sim-process.mjs'),
      String(clusterCount),
      String(podsPerCluster(clusterCount)),
      String(serversPerCluster(clusterCount)),
      String(LATENCY_MS),
    ],
    { cwd: REPO, stdio: ['pipe', 'pipe', fs.openSync(logFile, 'a')] },
  );
  const ready = new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => {
      reject(new Error(`kube-sim did not start within 120 s; see ${logFile}`));
    }, 120_000);
    child.stdout.on('data', chunk => {
      buffer += chunk;
      const line = buffer
        .split('\n')
        .find(l => l.startsWith('KUBE_SIM_READY '));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice('KUBE_SIM_READY '.length)).clusters);
      }
    });
    child.once('exit', code => {
      clearTimeout(timer);
      reject(new Error(`kube-sim exited with ${code}; see ${logFile}`));
    });
  });
  return {
    ready,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function runMeasuringChild(clusters, workDir, logFile) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    const child = spawn(process.execPath, ['--expose-gc', SCRIPT, '--child'], {
      cwd: REPO,
      env: {
        ...process.env,
        NODE_ENV: 'development', // the guest provider only signs in outside production
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        STATUS_BENCH_CLUSTERS: JSON.stringify(clusters),
        STATUS_BENCH_WORKDIR: workDir,
      },
      stdio: ['ignore', 'pipe', out],
    });
    let result;
    let buffer = '';
    child.stdout.on('data', chunk => {
      fs.appendFileSync(logFile, chunk);
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) {
        if (line.startsWith(RESULT_MARKER)) {
          result = JSON.parse(line.slice(RESULT_MARKER.length));
        } else if (line.startsWith(PROGRESS_MARKER)) {
          log(`  ${line.slice(PROGRESS_MARKER.length)}`);
        }
      }
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `the measurement did not finish within ${
            CHILD_TIMEOUT_MS / 1000
          } s; see ${logFile}`,
        ),
      );
    }, CHILD_TIMEOUT_MS);
    child.once('exit', code => {
      clearTimeout(timer);
      if (code === 0 && result) {
        resolve(result);
      } else {
        reject(
          new Error(
            `the measurement exited with ${code}; last lines of ${logFile}:\n${tail(
              logFile,
              40,
            )}`,
          ),
        );
      }
    });
  });
}

function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function parent() {
  const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'status-bench-'));
  log(
    `status benchmark: per cluster ${CLUSTER_COUNTS.map(
      c =>
        `${podsPerCluster(c)} pods over ${serversPerCluster(
          c,
        )} servers (${c} clusters)`,
    ).join(', ')}, ` +
      `${LATENCY_MS} ms latency per Kubernetes request, ${WARMUP} warm-up + ${REQUESTS} ` +
      `requests per endpoint, interleaved (logs in ${workRoot})`,
  );
  const started = performance.now();
  const results = [];
  let failed = false;
  for (const clusterCount of CLUSTER_COUNTS) {
    const workDir = path.join(workRoot, `clusters-${clusterCount}`);
    fs.mkdirSync(workDir, { recursive: true });
    const logFile = path.join(workDir, 'run.log');
    log(`\nclusters=${clusterCount}`);
    const sim = startKubeSim(clusterCount, logFile);
    try {
      const clusters = await sim.ready;
      log(
        `  kube-sim: ${clusters.length} clusters, ${clusters
          .map(c => c.pods)
          .reduce((a, b) => a + b, 0)} pods`,
      );
      results.push(await runMeasuringChild(clusters, workDir, logFile));
    } catch (error) {
      failed = true;
      log(`  FAILED: ${error.message}`);
      break;
    } finally {
      await sim.stop();
    }
  }
  log(`\nwhole run: ${ms((performance.now() - started) / 1000)} s\n`);
  for (const r of results) {
    log(
      `status clusters=${r.clusters} floor_p95_ms=${ms(
        r.floor.p95,
      )} ours_p50_ms=${ms(r.ours.p50)} ours_p95_ms=${ms(
        r.ours.p95,
      )} stock_p50_ms=${ms(r.stock.p50)} stock_p95_ms=${ms(
        r.stock.p95,
      )} ratio_p95=${(r.stock.p95 / r.ours.p95).toFixed(2)}`,
    );
  }
  process.exit(failed ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// The child: a real backend against the simulated clusters, and the measurement.
// ---------------------------------------------------------------------------------------------

const progress = message =>
  process.stdout.write(`${PROGRESS_MARKER}${message}\n`);

async function freePort(preferred) {
  const tryPort = port =>
    new Promise(resolve => {
      const server = net.createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address();
        server.close(() => resolve(bound));
      });
    });
  return (await tryPort(preferred)) ?? (await tryPort(0));
}

function writeCatalog(file, firstCluster) {
  // JSON is YAML; the catalog reads several documents from one file, so one per line.
  const entities = [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'bench-team' },
      spec: { type: 'team', children: [] },
    },
    {
      apiVersion: 'cocktailcloud.io/v1alpha1',
      kind: 'Service',
      metadata: { name: 'bench' },
      spec: { owner: 'group:bench-team' },
    },
    {
      apiVersion: 'cocktailcloud.io/v1alpha1',
      kind: 'ServiceMap',
      metadata: { name: 'bench-map' },
      spec: {
        service: 'bench',
        environment: 'bench',
        cluster: `resource:${firstCluster}`,
        namespace: BENCH_NAMESPACE,
        owner: 'group:bench-team',
      },
    },
    {
      apiVersion: 'cocktailcloud.io/v1alpha1',
      kind: 'CocktailServer',
      metadata: { name: BENCH_SERVER, title: 'Bench API' },
      spec: {
        serviceMap: 'bench-map',
        owner: 'group:bench-team',
        type: 'Deployment',
        replicas: 3,
        containers: [
          {
            name: 'app',
            image: `registry.example.com/${BENCH_SERVER}:1.0.0`,
            ports: [{ name: 'http', containerPort: 8080 }],
            resources: {
              requests: { cpu: '250m', memory: '256Mi' },
              limits: { cpu: '1', memory: '512Mi' },
            },
          },
        ],
      },
    },
  ];
  fs.writeFileSync(
    file,
    entities.map(e => `---\n${JSON.stringify(e)}\n`).join(''),
  );
}

function writeAppConfig(file, { port, clusters, catalogFile }) {
  const config = {
    app: { baseUrl: 'http://127.0.0.1:3000' },
    backend: {
      baseUrl: `http://127.0.0.1:${port}`,
      listen: { port, host: '127.0.0.1' },
      database: { client: 'better-sqlite3', connection: ':memory:' },
    },
    auth: { providers: { guest: {} } },
    permission: { enabled: true },
    catalog: {
      rules: [
        {
          allow: [
            'Component',
            'System',
            'API',
            'Resource',
            'Location',
            'Group',
            'User',
            'Service',
            'ServiceMap',
            'CocktailServer',
          ],
        },
      ],
      locations: [{ type: 'file', target: catalogFile }],
    },
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: clusters.map(c => ({
            name: c.name,
            url: c.url,
            authProvider: 'serviceAccount',
            serviceAccountToken: 'x',
            skipTLSVerify: true,
          })),
        },
      ],
    },
    cocktail: {
      permissions: { platformAdmins: ['user:development/guest'] },
      clusters: clusters.map(c => ({
        name: c.name,
        url: c.url,
        serviceAccountToken: 'x',
        skipTLSVerify: true,
      })),
    },
  };
  fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
}

async function startBackend(configFile) {
  const require = createRequire(import.meta.url);
  require('@backstage/cli/config/nodeTransform.cjs');
  const { createBackend } = await import('@backstage/backend-defaults');
  const { rootConfigServiceFactory } = await import(
    '@backstage/backend-defaults/rootConfig'
  );
  const backend = createBackend();
  backend.add(
    rootConfigServiceFactory({ argv: ['--config', configFile], watch: false }),
  );
  backend.add(import('@backstage/plugin-auth-backend'));
  backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(
    require('../../plugins/catalog-backend-module-cocktail/src/index.ts')
      .default,
  );
  backend.add(import('@backstage/plugin-permission-backend'));
  // The suite's own policy; the guest the benchmark signs in as is a platform admin in it.
  backend.add(
    require('../../plugins/permission-backend-module-cocktail-policy/src/index.ts')
      .default,
  );
  backend.add(import('@backstage/plugin-kubernetes-backend'));
  backend.add(require('../../plugins/cocktail-backend/src/index.ts').default);
  await backend.start();
  return backend;
}

async function child() {
  const clusters = JSON.parse(process.env.STATUS_BENCH_CLUSTERS);
  const workDir = process.env.STATUS_BENCH_WORKDIR;
  const port = await freePort(17007);
  const baseUrl = `http://127.0.0.1:${port}`;
  const catalogFile = path.join(workDir, 'catalog-info.yaml');
  const configFile = path.join(workDir, 'app-config.yaml');
  writeCatalog(catalogFile, clusters[0].name);
  writeAppConfig(configFile, { port, clusters, catalogFile });

  let started = performance.now();
  const backend = await startBackend(configFile);
  progress(
    `backend up on port ${port} in ${ms(
      (performance.now() - started) / 1000,
    )} s`,
  );

  const guest = await (
    await fetch(`${baseUrl}/api/auth/guest/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    })
  ).json();
  const token = guest?.backstageIdentity?.token;
  if (!token) {
    throw new Error(
      `no guest token from /api/auth/guest/refresh: ${JSON.stringify(guest)}`,
    );
  }
  const headers = { Authorization: `Bearer ${token}` };

  started = performance.now();
  const entity = await waitUntil(
    'the catalog to have the server and its ServiceMap',
    async () => {
      const [server, map] = await Promise.all(
        [
          `cocktailserver/default/${BENCH_SERVER}`,
          'servicemap/default/bench-map',
        ].map(ref =>
          fetch(`${baseUrl}/api/catalog/entities/by-name/${ref}`, {
            headers,
          }).then(r => (r.ok ? r.json() : undefined)),
        ),
      );
      return server && map ? server : undefined;
    },
    120_000,
  );
  progress(
    `catalog has ${BENCH_SERVER} after ${ms(
      (performance.now() - started) / 1000,
    )} s (backstage.io/kubernetes-id: ${
      entity.metadata.annotations?.['backstage.io/kubernetes-id']
    })`,
  );

  const endpoints = {
    floor: () => fetch(`${baseUrl}/api/kubernetes/clusters`, { headers }),
    ours: () =>
      fetch(`${baseUrl}/api/cocktail/servers/default/${BENCH_SERVER}/status`, {
        headers,
      }),
    stock: () =>
      fetch(`${baseUrl}/api/kubernetes/services/${BENCH_SERVER}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ entity }),
      }),
  };
  const names = Object.keys(endpoints);

  async function call(name) {
    const start = performance.now();
    const response = await endpoints[name]();
    const text = await response.text();
    const elapsed = performance.now() - start;
    if (response.status !== 200) {
      throw new Error(
        `${name}: HTTP ${response.status} after ${ms(elapsed)} ms: ${text}`,
      );
    }
    return { elapsed, body: text };
  }

  // Warm-up, then check that each endpoint answers what it should.
  started = performance.now();
  const last = {};
  for (let i = 0; i < WARMUP; i++) {
    for (const name of names) {
      last[name] = (await call(name)).body;
    }
  }
  const status = await waitUntil(
    'our status to come from a synced cache',
    async () => {
      const body = JSON.parse((await call('ours')).body);
      return !body.stale ? body : undefined;
    },
    60_000,
    250,
  );
  if (!status.found || status.pods.length !== 3) {
    throw new Error(
      `ours: expected the Deployment and its 3 pods, got ${JSON.stringify(
        status,
      )}`,
    );
  }
  const floorBody = JSON.parse(last.floor);
  if (floorBody.items.length !== clusters.length) {
    throw new Error(
      `floor: the stock plugin knows ${floorBody.items.length} clusters, not ${clusters.length}`,
    );
  }
  const stockBody = JSON.parse(last.stock);
  const stockPods = stockBody.items.flatMap(item =>
    item.resources
      .filter(r => r.type === 'pods')
      .flatMap(r =>
        r.resources.map(p => `${item.cluster.name}/${p.metadata.name}`),
      ),
  );
  const stockErrors = stockBody.items.flatMap(item =>
    item.errors.map(e => `${item.cluster.name}: ${JSON.stringify(e)}`),
  );
  if (stockPods.length !== 3 || stockErrors.length) {
    throw new Error(
      `stock: expected 3 pods and no errors, got pods ${JSON.stringify(
        stockPods,
      )} and errors ${JSON.stringify(stockErrors)}`,
    );
  }
  const ourClusters = await fetch(`${baseUrl}/api/cocktail/clusters`, {
    headers,
  }).then(r => r.json());
  if (ourClusters.items.length !== clusters.length) {
    throw new Error(
      `ours: the cocktail plugin knows ${ourClusters.items.length} clusters, not ${clusters.length}`,
    );
  }
  progress(
    `warm-up done in ${ms((performance.now() - started) / 1000)} s: ` +
      `ours ${status.kind} ${status.rollout.state}, ${status.pods.length} pods from the cache of ${status.cluster}; ` +
      `stock ${stockPods.length} pods, ${stockBody.items.length} cluster(s) with objects; ` +
      `both plugins know ${floorBody.items.length}/${ourClusters.items.length} clusters`,
  );

  // The measurement: round-robin, one request at a time, the order rotating every round.
  started = performance.now();
  const times = Object.fromEntries(names.map(n => [n, []]));
  let staleAnswers = 0;
  let stockWithErrors = 0;
  for (let i = 0; i < REQUESTS; i++) {
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length];
      const { elapsed, body } = await call(name);
      times[name].push(elapsed);
      // Checked after the clock stopped: a 200 can still be a partial answer.
      if (name === 'ours' && JSON.parse(body).stale) {
        staleAnswers += 1;
      } else if (
        name === 'stock' &&
        JSON.parse(body).items.some(item => item.errors.length)
      ) {
        stockWithErrors += 1;
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (staleAnswers || stockWithErrors) {
    progress(
      `WARNING: ${staleAnswers} of our answers were stale, ${stockWithErrors} stock answers carried cluster errors`,
    );
  }
  const summary = Object.fromEntries(
    names.map(n => [
      n,
      { p50: percentile(times[n], 0.5), p95: percentile(times[n], 0.95) },
    ]),
  );
  progress(
    `${REQUESTS} requests per endpoint in ${ms(seconds)} s (${
      clusters.length
    } cluster(s)):`,
  );
  const labels = {
    floor: 'floor  GET  /api/kubernetes/clusters',
    ours: `ours   GET  /api/cocktail/servers/default/${BENCH_SERVER}/status`,
    stock: `stock  POST /api/kubernetes/services/${BENCH_SERVER}`,
  };
  for (const name of names) {
    progress(
      `  ${labels[name].padEnd(60)} p50 ${ms(summary[name].p50).padStart(
        7,
      )} ms   p95 ${ms(summary[name].p95).padStart(7)} ms`,
    );
  }

  await Promise.race([backend.stop(), sleep(15_000)]);
  process.stdout.write(
    `${RESULT_MARKER}${JSON.stringify({
      clusters: clusters.length,
      ...summary,
    })}\n`,
  );
  process.exit(0);
}

if (process.argv.includes('--child')) {
  child().catch(error => {
    process.stdout.write(`${PROGRESS_MARKER}FAILED: ${error.stack ?? error}\n`);
    process.exit(1);
  });
} else {
  await parent();
}
