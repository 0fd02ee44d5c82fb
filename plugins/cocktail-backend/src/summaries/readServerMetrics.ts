import {
  CocktailContainer,
  ContainerMetrics,
  parseQuantity,
  ServerMetrics,
} from '@cocktailcloud/plugin-cocktail-common';
import { LABEL_SERVER } from '@cocktailcloud/plugin-cocktail-node';
import type { ContainerMetric, PodMetric } from '@kubernetes/client-node';
import { statusCodeOf, statusMessage } from '../lifecycle/KubernetesOperations';
import {
  makeAbortableApiClient,
  runWithDeadline,
} from '@cocktailcloud/plugin-cocktail-node';
import { LiveRead } from './readNamespaceQuota';

function scaled(value: unknown, factor: number): number | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  const parsed = parseQuantity(value as string | number);
  return parsed === undefined ? undefined : Math.round(parsed * factor);
}

/** Usage from metrics-server next to what the catalog asks for (a missing request is the limit). */
function containerMetrics(
  usage: ContainerMetric,
  spec: CocktailContainer | undefined,
): ContainerMetrics {
  const requests = spec?.resources?.requests;
  const limits = spec?.resources?.limits;
  return {
    name: usage.name,
    cpu: {
      usageMillicores: scaled(usage.usage?.cpu, 1000),
      requestMillicores: scaled(requests?.cpu ?? limits?.cpu, 1000),
      limitMillicores: scaled(limits?.cpu, 1000),
    },
    memory: {
      usageBytes: scaled(usage.usage?.memory, 1),
      requestBytes: scaled(requests?.memory ?? limits?.memory, 1),
      limitBytes: scaled(limits?.memory, 1),
    },
  };
}

function unavailable(cluster: string, error: unknown): ServerMetrics {
  let reason = `cluster ${cluster}: reading metrics.k8s.io failed: ${statusMessage(
    error,
  )}`;
  const code = statusCodeOf(error);
  if (code === 404) {
    reason = `cluster ${cluster} serves no metrics.k8s.io API; install metrics-server to see usage`;
  } else if (code === 503) {
    reason = `cluster ${cluster}: metrics.k8s.io is unavailable (${statusMessage(
      error,
    )}); check that metrics-server is running`;
  }
  return { available: false, error: reason, pods: [] };
}

/**
 * A server's current CPU and memory use per pod and container, asked live from metrics.k8s.io;
 * a cluster without metrics-server, or one that cannot be reached, is reported, not thrown.
 */
export async function readServerMetrics(
  read: LiveRead,
  target: {
    namespace: string;
    server: string;
    containers: CocktailContainer[];
  },
): Promise<ServerMetrics> {
  let items: PodMetric[];
  try {
    const config = await read.kubeConfig();
    const list = await runWithDeadline(read.timeoutMs, () =>
      makeAbortableApiClient(
        read.client,
        config,
        read.client.CustomObjectsApi,
      ).listNamespacedCustomObject({
        group: 'metrics.k8s.io',
        version: 'v1beta1',
        namespace: target.namespace,
        plural: 'pods',
        labelSelector: `${LABEL_SERVER}=${target.server}`,
      }),
    );
    items = (list as { items?: PodMetric[] }).items ?? [];
  } catch (error) {
    return unavailable(read.cluster, error);
  }
  const specs = new Map(target.containers.map(c => [c.name, c]));
  const timestamps = items
    .map(item => item.timestamp)
    .filter((t): t is string => Boolean(t))
    .sort();
  return {
    available: true,
    timestamp: timestamps[timestamps.length - 1],
    pods: items
      .map(item => ({
        name: item.metadata.name,
        containers: (item.containers ?? []).map(c =>
          containerMetrics(c, specs.get(c.name)),
        ),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
