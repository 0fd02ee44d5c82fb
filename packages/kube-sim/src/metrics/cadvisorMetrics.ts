import { ApiContext } from '../api/ApiContext';
import { containerUsage } from '../api/simulatedUsage';
import { KubeObject } from '../api/types';
import { ContainerCounters } from './ContainerCounters';
import { MetricFamily, Sample } from './exposition';
import { SimulatedLoad } from './SimulatedLoad';

/** What the node itself (kubelet, runtime, system daemons) uses beside its pods. */
const NODE_OVERHEAD = { cpuCores: 0.15, memoryBytes: 512 * 2 ** 20 };
/** Network bytes per second per core of CPU in use, plus a trickle of health checks. */
const RECEIVED_PER_CORE = 400_000;
const TRANSMITTED_SHARE = 0.6;
const IDLE_BYTES_PER_SECOND = 1_200;

interface Families {
  cpu: Sample[];
  memory: Sample[];
  received: Sample[];
  transmitted: Sample[];
}

function addPod(
  families: Families,
  nodeUsage: Map<string, { cpu: number; memory: number }>,
  pod: KubeObject,
  options: { counters: ContainerCounters; load: SimulatedLoad; now: number },
  seen: Set<string>,
) {
  const { namespace } = pod.metadata;
  const podName = pod.metadata.name!;
  const node = pod.spec?.nodeName ?? '';
  const startedAt = Date.parse(pod.status?.startTime ?? '') || options.now;
  const factor = options.load.factorFor(pod);
  let podCores = 0;
  for (const container of pod.spec?.containers ?? []) {
    const usage = containerUsage(pod, container, factor, options.now);
    const cores = usage.cpuMillicores / 1000;
    podCores += cores;
    const key = `${pod.metadata.uid}/${container.name}`;
    seen.add(key);
    const totals = options.counters.advance(key, startedAt, options.now, {
      cpuSeconds: cores,
      receivedBytes: 0,
      transmittedBytes: 0,
    });
    const labels = {
      namespace: namespace!,
      pod: podName,
      container: container.name,
      image: container.image ?? '',
      node,
    };
    families.cpu.push({ labels, value: totals.cpuSeconds });
    families.memory.push({ labels, value: usage.memoryBytes });
    const onNode = nodeUsage.get(node) ?? { cpu: 0, memory: 0 };
    onNode.cpu += cores;
    onNode.memory += usage.memoryBytes;
    nodeUsage.set(node, onNode);
  }
  const received = podCores * RECEIVED_PER_CORE + IDLE_BYTES_PER_SECOND;
  const network = options.counters.advance(
    `${pod.metadata.uid}/`,
    startedAt,
    options.now,
    {
      cpuSeconds: 0,
      receivedBytes: received,
      transmittedBytes: received * TRANSMITTED_SHARE,
    },
  );
  seen.add(`${pod.metadata.uid}/`);
  // cAdvisor reports network per pod (its sandbox), without a container label.
  const podLabels = {
    namespace: namespace!,
    pod: podName,
    interface: 'eth0',
    node,
  };
  families.received.push({ labels: podLabels, value: network.receivedBytes });
  families.transmitted.push({
    labels: podLabels,
    value: network.transmittedBytes,
  });
}

/**
 * cAdvisor's container series (as the kubelet's `/metrics/cadvisor` serves them, with the `node`
 * label Prometheus' kubelet scrape jobs add) for the running pods, and the root cgroup (`id="/"`)
 * of each node.
 */
export function cadvisorFamilies(
  ctx: ApiContext,
  options: { counters: ContainerCounters; load: SimulatedLoad; now: number },
): MetricFamily[] {
  const families: Families = {
    cpu: [],
    memory: [],
    received: [],
    transmitted: [],
  };
  const podType = ctx.registry.find('', 'v1', 'pods')!;
  const nodeType = ctx.registry.find('', 'v1', 'nodes')!;
  const nodeUsage = new Map<string, { cpu: number; memory: number }>();
  const seen = new Set<string>();
  for (const pod of ctx.store
    .list(podType)
    .filter(p => p.status?.phase === 'Running')) {
    addPod(families, nodeUsage, pod, options, seen);
  }
  for (const node of ctx.store.list(nodeType)) {
    const name = node.metadata.name!;
    const usage = nodeUsage.get(name) ?? { cpu: 0, memory: 0 };
    const key = `node/${name}`;
    seen.add(key);
    const created =
      Date.parse(node.metadata.creationTimestamp ?? '') || options.now;
    const totals = options.counters.advance(key, created, options.now, {
      cpuSeconds: usage.cpu + NODE_OVERHEAD.cpuCores,
      receivedBytes: 0,
      transmittedBytes: 0,
    });
    const labels = { id: '/', node: name };
    families.cpu.push({ labels, value: totals.cpuSeconds });
    families.memory.push({
      labels,
      value: usage.memory + NODE_OVERHEAD.memoryBytes,
    });
  }
  options.counters.keepOnly(seen);
  return [
    {
      name: 'container_cpu_usage_seconds_total',
      help: 'Cumulative cpu time consumed in seconds.',
      type: 'counter',
      samples: families.cpu,
    },
    {
      name: 'container_memory_working_set_bytes',
      help: 'Current working set in bytes.',
      type: 'gauge',
      samples: families.memory,
    },
    {
      name: 'container_network_receive_bytes_total',
      help: 'Cumulative count of bytes received.',
      type: 'counter',
      samples: families.received,
    },
    {
      name: 'container_network_transmit_bytes_total',
      help: 'Cumulative count of bytes transmitted.',
      type: 'counter',
      samples: families.transmitted,
    },
  ];
}
