import { LABEL_MANAGED_BY, MANAGED_BY_COCKTAIL } from '../rendering/labels';
import { Manifest } from '../rendering/types';
import { apiVersionFor, kindOf } from './apiVersions';
import type { ClusterApiProviders } from './providers/ClusterApiProviders';
import { ClusterApiVersions, ClusterRequest } from './types';

export const LABEL_CLUSTER_NAME = 'cluster.x-k8s.io/cluster-name';

/**
 * What every renderer works from: a validated request (defaults applied), the apiVersion of
 * every kind, and the providers.
 *
 * @public
 */
export interface RenderContext {
  request: ClusterRequest & { namespace: string };
  versions: ClusterApiVersions;
  providers: ClusterApiProviders;
}

/** The labels on every object of a cluster. */
export function clusterLabels(ctx: RenderContext): Record<string, string> {
  return {
    [LABEL_CLUSTER_NAME]: ctx.request.name,
    [LABEL_MANAGED_BY]: MANAGED_BY_COCKTAIL,
  };
}

/**
 * An object of the cluster: the kind's apiVersion, the cluster's namespace and labels.
 *
 * @public
 */
export function clusterObject(
  ctx: RenderContext,
  key: string,
  name: string,
  body: Record<string, unknown>,
  metadata: Pick<Manifest['metadata'], 'labels' | 'annotations'> = {},
): Manifest {
  return {
    apiVersion: apiVersionFor(ctx.versions, key),
    kind: kindOf(key),
    metadata: {
      name,
      namespace: ctx.request.namespace,
      labels: { ...clusterLabels(ctx), ...metadata.labels },
      ...(metadata.annotations && { annotations: metadata.annotations }),
    },
    ...body,
  };
}

/** `<cluster>-control-plane`. */
export function controlPlaneName(ctx: RenderContext): string {
  return `${ctx.request.name}-control-plane`;
}

/** `<cluster>-<pool>`: the pool's MachineDeployment or MachinePool and its templates. */
export function nodePoolObjectName(ctx: RenderContext, pool: string): string {
  return `${ctx.request.name}-${pool}`;
}

/** Drops undefined values so manifests carry only what was set. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as T;
}
