// Benchmark: memory the watch cache (plugins/cocktail-node WatchCache) needs per 10,000 cached
// pods. Target: each further 10,000 pods cost the backend process at most 30 MB of RSS and 15 MB
// of heap (the growth from the first size to the last, in a process without kube-sim).
//
// Run with: yarn bench:cache-memory        (CACHE_MEMORY_PODS=10000 for one size only)
//
// For each pod count a fresh child process of this script, in one process:
//   1. reads RSS and heap (after full collections),
//   2. starts kube-sim with one cluster and fills it through its store with the pods (two
//      containers with resources and env, a full status, the suite's labels), reads again:
//      that growth is kube-sim's own,
//   3. starts a WatchCache on the cluster (client-node over HTTP, as the backend does), waits
//      until it has synced and every watch is open, reads again,
//   4. stops the cache and lets go of it, reads again.
// The cache's figure is (growth 1→3) - (growth 1→2), as the `cache-memory` lines print it.
// Step 4 tells what of that the cache itself holds (it goes when the cache goes) and what is
// the high-water mark of syncing (it stays). A second fresh process per pod count measures
// what kube-sim's serving the same lists (read and thrown away by a plain HTTP client) leaves
// in RSS, since kube-sim answers the cache's lists inside the measured process.
import path from 'node:path';
import { spawn } from 'node:child_process';
import http from 'node:http';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { seedServerPods } from './support/fixtures.mjs';
import { memoryReading, waitUntil } from './support/stats.mjs';

const SCRIPT = fileURLToPath(import.meta.url);
const POD_COUNTS = (process.env.CACHE_MEMORY_PODS ?? '10000,20000')
  .split(',')
  .map(Number);
const PODS_PER_SERVER = 20;
const NAMESPACES = 20;
const TARGET_RSS_MB_PER_10K = 30;
const TARGET_HEAP_MB_PER_10K = 15;
const SYNC_TIMEOUT_MS = 60_000;
const CHILD_TIMEOUT_MS = 150_000;
const RESULT_MARKER = 'CACHE_MEMORY_RESULT ';

const mb = value => value.toFixed(1);
const per10k = (value, pods) => (value / pods) * 10_000;
const growth = (from, to) => ({
  rss: to.rssMb - from.rssMb,
  heap: to.heapMb - from.heapMb,
});

function loadModules() {
  const require = createRequire(import.meta.url);
  require('@backstage/cli/config/nodeTransform.cjs');
  return {
    ...require('../../packages/kube-sim/src/index.ts'),
    ...require('../../plugins/cocktail-node/src/index.ts'),
  };
}

async function startFilledCluster(KubeSim, pods) {
  const sim = await KubeSim.start({
    clusters: ['mem'],
    port: 0,
    cluster: { controllers: false, nodes: 1 },
  });
  const started = performance.now();
  seedServerPods(sim.cluster('mem'), {
    pods,
    servers: Math.ceil(pods / PODS_PER_SERVER),
    namespaceCount: NAMESPACES,
    node: 'mem-node-1',
  });
  return { sim, seedSeconds: (performance.now() - started) / 1000 };
}

/**
 * A WatchCache on the simulated cluster at `url`, counting the watches it has open: until a
 * watcher's watch is open it still holds the list it was reset from.
 */
function createCountingCache(
  { WatchCache, createResourceClient },
  k8s,
  url,
  logger,
) {
  const kubeConfig = new k8s.KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'mem', server: url, skipTLSVerify: true }],
    users: [{ name: 'bench', token: 'x' }],
    contexts: [{ name: 'mem', cluster: 'mem', user: 'bench' }],
    currentContext: 'mem',
  });
  const counter = { openWatches: 0 };
  const cache = new WatchCache({
    logger,
    clientFor: async (_cluster, resource) => {
      const client = createResourceClient(k8s, kubeConfig, resource);
      return {
        list: onPage => client.list(onPage),
        async watch(...args) {
          const watch = await client.watch(...args);
          counter.openWatches += 1;
          return watch;
        },
      };
    },
  });
  return { cache, counter };
}

/** The measurement itself, in a fresh process. */
async function measureCache(pods) {
  const modules = loadModules();
  const { KubeSim, WATCHED_RESOURCES } = modules;
  const k8s = await import('@kubernetes/client-node');
  const warnings = [];
  const logger = {
    info() {},
    debug() {},
    warn: message => warnings.push(String(message)),
    error: message => warnings.push(String(message)),
    child() {
      return logger;
    },
  };

  const before = await memoryReading();
  const { sim, seedSeconds } = await startFilledCluster(KubeSim, pods);
  const cluster = sim.cluster('mem');
  const simOnly = await memoryReading();

  const created = createCountingCache(modules, k8s, cluster.url, logger);
  let cache = created.cache;
  const counter = created.counter;
  const started = performance.now();
  await cache.waitForSync('mem', SYNC_TIMEOUT_MS);
  const syncSeconds = (performance.now() - started) / 1000;
  if (!cache.read('mem').state.synced) {
    throw new Error(
      `the cache did not sync within ${SYNC_TIMEOUT_MS / 1000} s: ${
        cache.read('mem').state.error ?? warnings.join('; ')
      }`,
    );
  }
  // Until its watch is open, a watcher still holds the list it was reset from.
  await waitUntil(
    'every watch to be open',
    () => counter.openWatches >= WATCHED_RESOURCES.length,
    30_000,
    50,
  );
  let cachedPods = 0;
  for (let n = 0; n < NAMESPACES; n++) {
    cachedPods += cache.read('mem').cache.find('Pod', `team-${n}`).length;
  }
  if (cachedPods !== pods) {
    throw new Error(`the cache holds ${cachedPods} pods, expected ${pods}`);
  }
  const cachedObjects = cache.read('mem').cache.count();
  const withCache = await memoryReading();

  cache.stop();
  cache = undefined;
  const cacheGone = await memoryReading();

  await sim.stop();
  return {
    pods,
    cachedObjects,
    seedSeconds,
    syncSeconds,
    before,
    simOnly,
    withCache,
    cacheGone,
    warnings: warnings.slice(0, 5),
  };
}

/** kube-sim answering the cache's twelve lists to a client that reads and drops the bytes. */
async function measureServing(pods) {
  const { KubeSim, WATCHED_RESOURCES } = loadModules();
  const { sim } = await startFilledCluster(KubeSim, pods);
  const url = sim.cluster('mem').url;
  const simOnly = await memoryReading();
  let bytes = 0;
  await Promise.all(
    WATCHED_RESOURCES.map(
      resource =>
        new Promise((resolve, reject) => {
          const query = resource.labelSelector
            ? `?labelSelector=${encodeURIComponent(resource.labelSelector)}`
            : '';
          http
            .get(`${url}${resource.path}${query}`, response => {
              response.on('data', chunk => {
                bytes += chunk.length;
              });
              response.on('end', resolve);
              response.on('error', reject);
            })
            .on('error', reject);
        }),
    ),
  );
  const served = await memoryReading();
  await sim.stop();
  return { simOnly, served, listBytes: bytes };
}

/**
 * The target's own measure: the RSS a backend process gains by caching P pods, with kube-sim in
 * another process as a real API server would be. Run in a fresh child with KUBE_SIM_URL set.
 */
async function measureBackendProcess(pods) {
  const modules = loadModules();
  const { WATCHED_RESOURCES } = modules;
  const k8s = await import('@kubernetes/client-node');
  const logger = {
    info() {},
    debug() {},
    warn() {},
    error() {},
    child: () => logger,
  };
  const before = await memoryReading();
  const created = createCountingCache(
    modules,
    k8s,
    process.env.KUBE_SIM_URL,
    logger,
  );
  const { cache, counter } = created;
  await cache.waitForSync('mem', SYNC_TIMEOUT_MS);
  await waitUntil(
    'every watch to be open',
    () => counter.openWatches >= WATCHED_RESOURCES.length,
    30_000,
    50,
  );
  const withCache = await memoryReading();
  const cachedObjects = cache.read('mem').cache.count();
  cache.stop();
  if (cachedObjects < pods) {
    throw new Error(
      `the cache holds ${cachedObjects} objects, expected at least ${pods} pods`,
    );
  }
  return { pods, cachedObjects, before, withCache };
}

async function runBackendMeasurement(pods) {
  const kubeSim = spawn(
    process.execPath,
    [
      path.join(path.dirname(SCRIPT), 'support/kube-sim-process.mjs'),
      '1',
      String(pods),
      String(Math.ceil(pods / PODS_PER_SERVER)),
      '0',
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  try {
    const url = await new Promise((resolve, reject) => {
      let buffer = '';
      kubeSim.stdout.on('data', chunk => {
        buffer += chunk;
        const line = buffer
          .split('\n')
          .find(l => l.startsWith('KUBE_SIM_READY '));
        if (line) {
          resolve(
            JSON.parse(line.slice('KUBE_SIM_READY '.length)).clusters[0].url,
          );
        }
      });
      kubeSim.once('exit', code =>
        reject(new Error(`kube-sim exited with ${code}`)),
      );
    });
    process.env.KUBE_SIM_URL = url;
    return await runChild('--backend', pods);
  } finally {
    kubeSim.kill('SIGTERM');
  }
}

function runChild(mode, pods) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', SCRIPT, mode, String(pods)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', chunk => {
      output += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.once('exit', code => {
      clearTimeout(timer);
      const line = output.split('\n').find(l => l.startsWith(RESULT_MARKER));
      if (code === 0 && line) {
        resolve(JSON.parse(line.slice(RESULT_MARKER.length)));
      } else {
        reject(
          new Error(
            `${mode} ${pods} exited with ${code} (killed after ${
              CHILD_TIMEOUT_MS / 1000
            } s if null):\n${output}`,
          ),
        );
      }
    });
  });
}

async function parent() {
  console.log(
    'cache memory: one kube-sim cluster in the measuring process, a WatchCache synced from it ' +
      `over HTTP, a fresh process per size; target for each further 10,000 pods in the backend process: <= ${TARGET_RSS_MB_PER_10K} MB RSS and <= ${TARGET_HEAP_MB_PER_10K} MB heap per ` +
      '10,000 cached pods',
  );
  const started = performance.now();
  const lines = [];
  const verdicts = [];
  for (const pods of POD_COUNTS) {
    const r = await runChild('--measure', pods);
    const s = await runChild('--serve', pods);
    const sim = growth(r.before, r.simOnly);
    const total = growth(r.before, r.withCache);
    const cache = { rss: total.rss - sim.rss, heap: total.heap - sim.heap };
    const held = growth(r.cacheGone, r.withCache);
    const left = growth(r.simOnly, r.cacheGone);
    const serving = growth(s.simOnly, s.served);

    console.log(`\npods=${pods} (${r.cachedObjects} objects cached)`);
    console.log(
      `  kube-sim filled through its store in ${r.seedSeconds.toFixed(
        1,
      )} s; cache synced in ${r.syncSeconds.toFixed(1)} s; the pod list is ${mb(
        s.listBytes / 2 ** 20,
      )} MB of JSON`,
    );
    const row = (label, m) =>
      console.log(
        `  ${label.padEnd(46)} RSS ${mb(m.rss).padStart(7)} MB  heap ${mb(
          m.heap,
        ).padStart(6)} MB  | per 10k pods: RSS ${mb(
          per10k(m.rss, pods),
        ).padStart(6)}, heap ${mb(per10k(m.heap, pods)).padStart(5)}`,
      );
    row('kube-sim alone (store)', sim);
    row('kube-sim + cache, synced', total);
    row('cache = difference', cache);
    row('  of which held by the cache (gone with it)', held);
    row('  of which left after the cache is gone', left);
    row('kube-sim serving the lists (control run)', serving);
    console.log(
      `  readings RSS/heap MB: start ${mb(r.before.rssMb)}/${mb(
        r.before.heapMb,
      )}, kube-sim filled ${mb(r.simOnly.rssMb)}/${mb(
        r.simOnly.heapMb,
      )}, cache synced ${mb(r.withCache.rssMb)}/${mb(
        r.withCache.heapMb,
      )}, cache gone ${mb(r.cacheGone.rssMb)}/${mb(r.cacheGone.heapMb)}`,
    );
    if (r.warnings.length) {
      console.log(`  cache warnings: ${r.warnings.join(' | ')}`);
    }
    const rssPer10k = per10k(cache.rss, pods);
    lines.push(
      `cache-memory pods=${pods} rss_mb_per_10k=${mb(
        rssPer10k,
      )} heap_mb_per_10k=${mb(per10k(cache.heap, pods))}`,
    );
    verdicts.push(
      `pods=${pods}: ${mb(
        rssPer10k,
      )} MB RSS per 10k (heap the cache itself holds: ${mb(
        per10k(held.heap, pods),
      )} MB per 10k; RSS left once it is gone: ${mb(
        per10k(left.rss, pods),
      )} MB per 10k)`,
    );
  }
  console.log(
    `\nwhole run: ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    `in one process with kube-sim (which also holds what serving the lists cost it, so this is above the backend's own cost; the target is judged on the backend process below):\n${verdicts
      .map(v => `  ${v}`)
      .join('\n')}\n`,
  );
  console.log(
    '\nthe backend process alone (kube-sim in another process, as a real API server is):',
  );
  const backendGrowth = [];
  for (const pods of POD_COUNTS) {
    const b = await runBackendMeasurement(pods);
    const g = growth(b.before, b.withCache);
    backendGrowth.push({ pods, ...g });
    const rss = per10k(g.rss, pods);
    console.log(
      `  pods=${pods}: RSS +${mb(g.rss)} MB, heap +${mb(g.heap)} MB (${
        b.cachedObjects
      } objects cached); per 10k pods RSS ${mb(rss)} MB`,
    );
    lines.push(
      `cache-memory-backend pods=${pods} rss_mb_per_10k=${mb(
        rss,
      )} heap_mb_per_10k=${mb(per10k(g.heap, pods))}`,
    );
  }
  if (backendGrowth.length >= 2) {
    // The growth from one size to the next leaves out what any first sync costs once (code,
    // allocator pools): what each further 10,000 pods add.
    const [small, large] = [
      backendGrowth[0],
      backendGrowth[backendGrowth.length - 1],
    ];
    const slope = key =>
      ((large[key] - small[key]) / (large.pods - small.pods)) * 10_000;
    const [rss, heap] = [slope('rss'), slope('heap')];
    lines.push(
      `cache-memory-backend marginal rss_mb_per_10k=${mb(
        rss,
      )} heap_mb_per_10k=${mb(heap)} (from ${small.pods} to ${
        large.pods
      } pods)`,
    );
    const met = rss <= TARGET_RSS_MB_PER_10K && heap <= TARGET_HEAP_MB_PER_10K;
    console.log(
      `  each further 10,000 pods cost the backend RSS ${mb(rss)} MB, heap ${mb(
        heap,
      )} MB: target (<= ${TARGET_RSS_MB_PER_10K} MB RSS, <= ${TARGET_HEAP_MB_PER_10K} MB heap) ${
        met ? 'met' : 'NOT met'
      }; the first ${small.pods} cost RSS ${mb(small.rss)} MB, of which ${mb(
        small.rss - (rss * small.pods) / 10_000,
      )} MB is what any first sync costs once (code, allocator pools)`,
    );
  }
  lines.forEach(line => console.log(line));
}

const [mode, podsArg] = process.argv.slice(2);
const CHILD_MODES = {
  '--measure': measureCache,
  '--serve': measureServing,
  '--backend': measureBackendProcess,
};
if (CHILD_MODES[mode]) {
  CHILD_MODES[mode](Number(podsArg))
    .then(result => {
      process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
      process.exit(0);
    })
    .catch(error => {
      console.error(error.stack ?? error);
      process.exit(1);
    });
} else {
  await parent();
}
