import {
  parseQuantity,
  QuotaUsage,
} from '@cocktailcloud/plugin-cocktail-common';
import type * as k8s from '@kubernetes/client-node';
import { statusMessage } from '../lifecycle/KubernetesOperations';
import {
  makeAbortableApiClient,
  runWithDeadline,
} from '@cocktailcloud/plugin-cocktail-node';

/** How to reach one cluster for a live read. */
export interface LiveRead {
  cluster: string;
  kubeConfig: () => Promise<k8s.KubeConfig>;
  client: typeof k8s;
  timeoutMs: number;
}

function keep(
  into: Record<string, string>,
  values: Record<string, string> | undefined,
  better: (candidate: number, current: number) => boolean,
) {
  for (const [resource, value] of Object.entries(values ?? {})) {
    const current = into[resource];
    if (
      current === undefined ||
      better(parseQuantity(value) ?? 0, parseQuantity(current) ?? 0)
    ) {
      into[resource] = value;
    }
  }
}

/**
 * One namespace's quota out of all its ResourceQuotas: for a resource several of them limit,
 * the smallest hard limit (the one that binds) and the largest use.
 */
export function mergeResourceQuotas(quotas: k8s.V1ResourceQuota[]): {
  hard: Record<string, string>;
  used: Record<string, string>;
} {
  const hard: Record<string, string> = {};
  const used: Record<string, string> = {};
  for (const quota of quotas) {
    keep(hard, { ...quota.spec?.hard, ...quota.status?.hard }, (a, b) => a < b);
    keep(used, quota.status?.used, (a, b) => a > b);
  }
  return { hard, used };
}

/** A namespace's ResourceQuotas, asked live; an unreachable cluster is reported, not thrown. */
export async function readNamespaceQuota(
  read: LiveRead,
  namespace: string,
): Promise<QuotaUsage> {
  const { cluster } = read;
  try {
    const config = await read.kubeConfig();
    const list = await runWithDeadline(read.timeoutMs, () =>
      makeAbortableApiClient(
        read.client,
        config,
        read.client.CoreV1Api,
      ).listNamespacedResourceQuota({ namespace }),
    );
    return {
      cluster,
      namespace,
      found: list.items.length > 0,
      ...mergeResourceQuotas(list.items),
    };
  } catch (error) {
    return {
      cluster,
      namespace,
      found: false,
      hard: {},
      used: {},
      error: `cluster ${cluster}: reading the ResourceQuotas of namespace ${namespace} failed: ${statusMessage(
        error,
      )}`,
    };
  }
}
