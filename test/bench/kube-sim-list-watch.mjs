// Benchmark: kube-sim list and watch throughput with 20,000 pods in one cluster, and memory
// per 10,000 objects. Run with: yarn bench:kube-sim
// Prints its figures; compare ratios within one run, the machine is shared and noisy.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const { KubeSim } = require('../../packages/kube-sim/src/index.ts');
const k8s = await import('@kubernetes/client-node');

const POD_COUNT = Number(process.env.POD_COUNT ?? 20_000);
const NAMESPACES = 20;

function pod(i) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `pod-${i}`,
      namespace: `ns-${i % NAMESPACES}`,
      labels: { app: `app-${i % 100}`, tier: i % 2 ? 'web' : 'worker' },
    },
    spec: {
      nodeName: 'bench-node-1',
      containers: [
        {
          name: 'main',
          image: `registry.example.com/app-${i % 100}:1.0.${i % 7}`,
          resources: { requests: { cpu: '100m', memory: '128Mi' } },
        },
      ],
    },
    status: { phase: 'Running' },
  };
}

function heapMiB() {
  global.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function report(name, value, unit) {
  console.log(`${name.padEnd(52)} ${value.toFixed(1).padStart(10)} ${unit}`);
}

const sim = await KubeSim.start({
  clusters: ['bench'],
  cluster: { controllers: false, nodes: 1, historyLimit: 50_000 },
});
const cluster = sim.cluster('bench');
const config = new k8s.KubeConfig();
config.loadFromOptions({
  clusters: [{ name: 'bench', server: cluster.url, skipTLSVerify: true }],
  users: [{ name: 'u', token: 't' }],
  contexts: [{ name: 'bench', cluster: 'bench', user: 'u' }],
  currentContext: 'bench',
});
const core = config.makeApiClient(k8s.CoreV1Api);
try {
  for (let n = 0; n < NAMESPACES; n++) {
    await core.createNamespace({ body: { metadata: { name: `ns-${n}` } } });
  }

  // Creates over HTTP, 16 at a time, as a client would.
  const heapBefore = heapMiB();
  let start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < POD_COUNT) {
        const i = next++;
        await fetch(
          `${cluster.url}/api/v1/namespaces/ns-${i % NAMESPACES}/pods`,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(pod(i)),
          },
        );
      }
    }),
  );
  let seconds = (performance.now() - start) / 1000;
  report(
    `create ${POD_COUNT} pods over HTTP (16 concurrent)`,
    POD_COUNT / seconds,
    'pods/s',
  );
  const heapAfter = heapMiB();
  report(
    'heap per 10,000 stored pods (incl. watch history)',
    ((heapAfter - heapBefore) / POD_COUNT) * 10_000,
    'MiB',
  );

  start = performance.now();
  const all = await core.listPodForAllNamespaces();
  seconds = (performance.now() - start) / 1000;
  report(
    `list all ${all.items.length} pods with client-node`,
    seconds * 1000,
    'ms',
  );
  report('list throughput', all.items.length / seconds, 'pods/s');

  start = performance.now();
  const raw = await fetch(`${cluster.url}/api/v1/pods`).then(r => r.text());
  report(
    `list all pods, raw HTTP (${(raw.length / 2 ** 20).toFixed(
      1,
    )} MiB of JSON)`,
    performance.now() - start,
    'ms',
  );

  start = performance.now();
  const selected = await core.listPodForAllNamespaces({
    labelSelector: 'app=app-7,tier=web',
  });
  report(
    `list with a label selector (${selected.items.length} of ${POD_COUNT})`,
    performance.now() - start,
    'ms',
  );

  start = performance.now();
  let pages = 0;
  let token;
  do {
    const page = await core.listPodForAllNamespaces({
      limit: 500,
      _continue: token,
    });
    token = page.metadata?._continue;
    pages++;
  } while (token);
  report(`list in ${pages} pages of 500`, performance.now() - start, 'ms');

  // Watch: the initial ADDED events for every pod, then a burst of updates.
  let received = 0;
  let resolveDone;
  const done = new Promise(resolve => {
    resolveDone = resolve;
  });
  start = performance.now();
  const controller = await new k8s.Watch(config).watch(
    '/api/v1/pods',
    {},
    () => {
      received++;
      if (received === POD_COUNT) {
        resolveDone();
      }
    },
    () => {},
  );
  await done;
  seconds = (performance.now() - start) / 1000;
  report(
    `watch: initial ADDED for ${POD_COUNT} pods`,
    POD_COUNT / seconds,
    'events/s',
  );

  const UPDATES = 5_000;
  received = 0;
  const updatesDone = new Promise(resolve => {
    resolveDone = resolve;
  });
  const podsType = cluster.registry.find('', 'v1', 'pods');
  start = performance.now();
  for (let i = 0; i < UPDATES; i++) {
    const current = cluster.store.get(
      podsType,
      `ns-${i % NAMESPACES}`,
      `pod-${i}`,
    );
    cluster.store.update(podsType, {
      ...current,
      metadata: {
        ...current.metadata,
        resourceVersion: undefined,
        labels: { ...current.metadata.labels, touched: String(i) },
      },
    });
  }
  const wrote = performance.now() - start;
  await new Promise(resolve => {
    const check = () =>
      received >= UPDATES ? resolve() : setTimeout(check, 5);
    check();
  });
  seconds = (performance.now() - start) / 1000;
  report(
    `watch: ${UPDATES} MODIFIED events delivered`,
    UPDATES / seconds,
    'events/s',
  );
  report(`  (store writes alone took)`, wrote, 'ms');
  controller.abort();
} finally {
  await sim.stop();
}
