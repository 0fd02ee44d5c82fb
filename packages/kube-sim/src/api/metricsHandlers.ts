import { ApiContext, ApiRequest, ApiResult } from './ApiContext';
import { filterFromQuery } from './selection';
import { containerUsage } from './simulatedUsage';
import { statusErrors } from './statusErrors';
import { KubeObject, ResourceType } from './types';
import type { SimulatedLoad } from '../metrics/SimulatedLoad';

function podMetrics(pod: KubeObject, load: SimulatedLoad) {
  return {
    apiVersion: 'metrics.k8s.io/v1beta1',
    kind: 'PodMetrics',
    metadata: {
      name: pod.metadata.name,
      namespace: pod.metadata.namespace,
      labels: pod.metadata.labels,
    },
    timestamp: new Date().toISOString(),
    window: '30s',
    containers: (pod.spec?.containers ?? []).map((container: any) => {
      const usage = containerUsage(pod, container, load.factorFor(pod));
      return {
        name: container.name,
        usage: {
          cpu: `${usage.cpuMillicores}m`,
          memory: `${Math.round(usage.memoryBytes / 1024)}Ki`,
        },
      };
    }),
  };
}

function runningPods(ctx: ApiContext, namespace?: string) {
  const podType = ctx.registry.find('', 'v1', 'pods')!;
  return ctx.store
    .list(podType, namespace)
    .filter(p => p.status?.phase === 'Running');
}

function nodeMetrics(ctx: ApiContext, node: KubeObject, load: SimulatedLoad) {
  let cpu = 0;
  let memory = 0;
  for (const pod of runningPods(ctx).filter(
    p => p.spec?.nodeName === node.metadata.name,
  )) {
    for (const container of pod.spec?.containers ?? []) {
      const usage = containerUsage(pod, container, load.factorFor(pod));
      cpu += usage.cpuMillicores;
      memory += usage.memoryBytes;
    }
  }
  return {
    apiVersion: 'metrics.k8s.io/v1beta1',
    kind: 'NodeMetrics',
    metadata: { name: node.metadata.name, labels: node.metadata.labels },
    timestamp: new Date().toISOString(),
    window: '30s',
    usage: {
      cpu: `${cpu + 150}m`,
      memory: `${Math.round(memory / 1024) + 512 * 1024}Ki`,
    },
  };
}

/** metrics.k8s.io answers computed from the running pods, as metrics-server would. */
export function handleMetrics(
  ctx: ApiContext & { load: SimulatedLoad },
  type: ResourceType,
  namespace: string | undefined,
  name: string | undefined,
  request: ApiRequest,
): ApiResult {
  if (request.method !== 'GET') {
    throw statusErrors.methodNotAllowed(
      `${request.method} is not supported on ${type.plural}.metrics.k8s.io`,
    );
  }
  const filter = filterFromQuery(request.query, namespace);
  const items =
    type.kind === 'PodMetrics'
      ? runningPods(ctx, namespace)
          .filter(filter)
          .map(pod => podMetrics(pod, ctx.load))
      : ctx.store
          .list(ctx.registry.find('', 'v1', 'nodes')!)
          .filter(filter)
          .map(node => nodeMetrics(ctx, node, ctx.load));
  if (name) {
    const item = items.find(i => i.metadata.name === name);
    if (!item) {
      throw statusErrors.notFound({
        group: 'metrics.k8s.io',
        plural: type.plural,
        name,
      });
    }
    return { status: 200, body: item };
  }
  return {
    status: 200,
    body: {
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: `${type.kind}List`,
      metadata: {},
      items,
    },
  };
}
