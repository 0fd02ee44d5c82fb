// Runs kube-sim for the status benchmark in a process of its own, so the simulated API servers
// do not share an event loop with the Backstage backend being measured (a real API server is
// another machine). Started by status.bench.mjs; not meant to be run by hand.
//
//   node kube-sim-process.mjs <clusters> <podsPerCluster> <serversPerCluster> <latencyMs>
//
// Prints one line `KUBE_SIM_READY {"clusters":[{"name","url","pods"}…]}` once every cluster
// is filled and has its latency set, then serves until stdin closes or SIGTERM arrives.
import { createRequire } from 'node:module';
import {
  BENCH_NAMESPACE,
  BENCH_SERVER,
  seedDeployment,
  seedServerPods,
} from './fixtures.mjs';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const { KubeSim } = require('../../../packages/kube-sim/src/index.ts');

const [clusterCount, podsPerCluster, serversPerCluster, latencyMs] =
  process.argv.slice(2).map(Number);
if (![clusterCount, podsPerCluster, serversPerCluster].every(n => n > 0)) {
  console.error(
    'usage: kube-sim-process.mjs <clusters> <podsPerCluster> <serversPerCluster> <latencyMs>',
  );
  process.exit(2);
}

const BENCH_REPLICAS = 3;

const names = Array.from(
  { length: clusterCount },
  (_, i) => `sim-${String(i + 1).padStart(2, '0')}`,
);
const sim = await KubeSim.start({
  clusters: names,
  port: 0,
  cluster: { controllers: false, nodes: 1 },
});

let stopping = false;
async function stop() {
  if (stopping) {
    return;
  }
  stopping = true;
  await sim.stop().catch(() => {});
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();

const clusters = [];
for (const [index, name] of names.entries()) {
  const cluster = sim.cluster(name);
  // The latency is on from the start and stays on: every list, watch and get waits for it.
  cluster.setFaults({ latencyMs });
  const node = `${name}-node-1`;
  seedServerPods(cluster, {
    pods: podsPerCluster,
    servers: serversPerCluster,
    node,
  });
  if (index === 0) {
    seedDeployment(cluster, {
      namespace: BENCH_NAMESPACE,
      server: BENCH_SERVER,
      replicas: BENCH_REPLICAS,
      node,
    });
  }
  const podType = cluster.registry.find('', 'v1', 'pods');
  clusters.push({
    name,
    url: cluster.url,
    pods: cluster.store.list(podType).length,
  });
}
process.stdout.write(`KUBE_SIM_READY ${JSON.stringify({ clusters })}\n`);
