import { Manifest } from '../rendering/types';
import { KINDS, isV1beta1, objectRef } from './apiVersions';
import { distributionVersion } from './distributionVersion';
import { DEFAULT_CLUSTER_API_PROVIDERS } from './providers/builtInClusterApiProviders';
import { ClusterApiProviders } from './providers/ClusterApiProviders';
import {
  LABEL_CLUSTER_NAME,
  RenderContext,
  clusterObject,
  compact,
  nodePoolObjectName,
} from './renderContext';
import { renderContextFor } from './renderContextFor';
import { ClusterApiVersions, ClusterRequest, NodePoolRequest } from './types';

export const AUTOSCALER_MIN_SIZE =
  'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size';
export const AUTOSCALER_MAX_SIZE =
  'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size';
export const REPLICAS_MANAGED_BY = 'cluster.x-k8s.io/replicas-managed-by';

/** The cluster autoscaler's bounds for a pool, as Cluster API's autoscaler provider reads them. */
export function autoscalerAnnotations(
  pool: NodePoolRequest,
): Record<string, string> | undefined {
  return pool.autoscaling
    ? {
        [AUTOSCALER_MIN_SIZE]: String(pool.autoscaling.minReplicas),
        [AUTOSCALER_MAX_SIZE]: String(pool.autoscaling.maxReplicas),
      }
    : undefined;
}

function machineSpec(
  ctx: RenderContext,
  infrastructureRef: Record<string, string>,
  bootstrap: Record<string, unknown>,
  version: string,
  failureDomain: string | undefined,
) {
  return compact({
    clusterName: ctx.request.name,
    version,
    bootstrap,
    infrastructureRef,
    failureDomain,
  });
}

function renderSelfManagedPool(
  ctx: RenderContext,
  pool: NodePoolRequest,
): Manifest[] {
  const infra = ctx.providers.infrastructure(ctx.request.provider)!
    .selfManaged!;
  const controlPlane = ctx.request.controlPlane?.provider ?? 'kubeadm';
  const bootstrap = ctx.providers.controlPlane(controlPlane)!.provider;
  const name = nodePoolObjectName(ctx, pool.name);
  const style = isV1beta1(ctx.versions, KINDS.machineDeployment)
    ? 'objectReference'
    : 'contract';
  const deployment = clusterObject(
    ctx,
    KINDS.machineDeployment,
    name,
    {
      spec: {
        clusterName: ctx.request.name,
        replicas: pool.replicas,
        selector: { matchLabels: { [LABEL_CLUSTER_NAME]: ctx.request.name } },
        template: {
          metadata: {
            labels: { [LABEL_CLUSTER_NAME]: ctx.request.name, ...pool.labels },
          },
          spec: machineSpec(
            ctx,
            objectRef(style, ctx.versions, infra.machineTemplateKind, name),
            {
              configRef: objectRef(
                style,
                ctx.versions,
                bootstrap.configTemplateKind,
                name,
              ),
            },
            distributionVersion(controlPlane, ctx.request.kubernetesVersion),
            // Validation keeps zones to the providers whose failure domains they are.
            ctx.request.zone,
          ),
        },
      },
    },
    { annotations: autoscalerAnnotations(pool) },
  );
  return [
    deployment,
    infra.renderMachineTemplate(ctx, name, 'worker', pool.machineType),
    bootstrap.renderConfigTemplate(ctx, infra, pool, name),
  ];
}

function renderManagedPool(
  ctx: RenderContext,
  pool: NodePoolRequest,
): Manifest[] {
  const service = ctx.providers.infrastructure(ctx.request.provider)!
    .managedService!;
  const name = nodePoolObjectName(ctx, pool.name);
  const style = isV1beta1(ctx.versions, KINDS.machinePool)
    ? 'objectReference'
    : 'contract';
  const machinePool = clusterObject(
    ctx,
    KINDS.machinePool,
    name,
    {
      spec: {
        clusterName: ctx.request.name,
        replicas: pool.replicas,
        template: {
          spec: machineSpec(
            ctx,
            objectRef(style, ctx.versions, service.machinePoolKind, name),
            // The managed service bootstraps its nodes itself.
            { dataSecretName: '' },
            ctx.request.kubernetesVersion,
            undefined,
          ),
        },
      },
    },
    {
      annotations: pool.autoscaling
        ? { [REPLICAS_MANAGED_BY]: service.autoscaler }
        : undefined,
    },
  );
  return [machinePool, service.renderMachinePool(ctx, pool, name)];
}

/** A node pool of a validated request. */
export function renderPool(
  ctx: RenderContext,
  pool: NodePoolRequest,
): Manifest[] {
  return ctx.providers.infrastructure(ctx.request.provider)!.managedService
    ? renderManagedPool(ctx, pool)
    : renderSelfManagedPool(ctx, pool);
}

/**
 * The objects of one node pool, for adding it to an existing cluster: a MachineDeployment with
 * its machine and bootstrap templates, or for eks, aks and gke a MachinePool with the
 * service's machine pool. Validates the request with this pool; throws an InputError naming
 * the invalid fields (`pool.…` for the pool's own).
 *
 * @public
 */
export function renderNodePool(
  request: ClusterRequest,
  pool: NodePoolRequest,
  versions?: ClusterApiVersions,
  providers: ClusterApiProviders = DEFAULT_CLUSTER_API_PROVIDERS,
): Manifest[] {
  // The pool takes its place among the cluster's pools (which decides, e.g., the AKS System
  // pool), or comes last when it is new.
  const pools = [...(request.nodePools ?? [])];
  const existing = pools.findIndex(other => other?.name === pool?.name);
  const index = existing >= 0 ? existing : pools.length;
  pools[index] = pool;
  const ctx = renderContextFor(
    { ...request, nodePools: pools },
    versions,
    'node pool',
    field => field.replace(new RegExp(`^nodePools\\[${index}\\]`), 'pool'),
    providers,
  );
  return renderPool(ctx, ctx.request.nodePools[index]);
}
