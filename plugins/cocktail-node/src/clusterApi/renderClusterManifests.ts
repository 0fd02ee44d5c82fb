import { Manifest } from '../rendering/types';
import { DEFAULT_CLUSTER_API_PROVIDERS } from './providers/builtInClusterApiProviders';
import { ClusterApiProviders } from './providers/ClusterApiProviders';
import { RenderContext, controlPlaneName } from './renderContext';
import { renderContextFor } from './renderContextFor';
import { renderClusterWithRefs } from './renderClusterObject';
import { renderPool } from './renderNodePool';
import { renderTopologyCluster } from './renderTopologyCluster';
import { ClusterApiVersions, ClusterRequest } from './types';

function renderManaged(ctx: RenderContext): Manifest[] {
  const service = ctx.providers.infrastructure(ctx.request.provider)!
    .managedService!;
  return [
    renderClusterWithRefs(
      ctx,
      { kind: service.clusterKind, name: ctx.request.name },
      { kind: service.controlPlaneKind, name: ctx.request.name },
    ),
    service.renderCluster(ctx),
    service.renderControlPlane(ctx),
  ];
}

function renderSelfManaged(ctx: RenderContext): Manifest[] {
  const infra = ctx.providers.infrastructure(ctx.request.provider)!
    .selfManaged!;
  const bootstrap = ctx.providers.controlPlane(
    ctx.request.controlPlane?.provider ?? 'kubeadm',
  )!.provider;
  const name = controlPlaneName(ctx);
  return [
    renderClusterWithRefs(
      ctx,
      { kind: infra.clusterKind, name: ctx.request.name },
      { kind: bootstrap.controlPlaneKind, name },
    ),
    infra.renderCluster(ctx),
    bootstrap.renderControlPlane(ctx, infra),
    infra.renderMachineTemplate(
      ctx,
      name,
      'control-plane',
      ctx.request.controlPlane?.machineType,
    ),
  ];
}

/**
 * Every Cluster API object of a cluster, in apply order: the Cluster, its infrastructure
 * cluster, control plane (and its machine template), then each node pool's objects. In
 * ClusterClass mode (`topology`) only the Cluster. `versions` says which apiVersion to write
 * per kind (from discoverClusterApiVersions); missing kinds use OFFLINE_CLUSTER_API_VERSIONS.
 * Validates the request first (applying its defaults) and throws an InputError naming every
 * invalid field. `providers` defaults to the built-in ones.
 *
 * @public
 */
export function renderClusterManifests(
  request: ClusterRequest,
  versions?: ClusterApiVersions,
  providers: ClusterApiProviders = DEFAULT_CLUSTER_API_PROVIDERS,
): Manifest[] {
  const ctx = renderContextFor(
    request,
    versions,
    undefined,
    undefined,
    providers,
  );
  if (ctx.request.topology) {
    return [renderTopologyCluster(ctx)];
  }
  return [
    ...(ctx.providers.infrastructure(ctx.request.provider)!.managedService
      ? renderManaged(ctx)
      : renderSelfManaged(ctx)),
    ...ctx.request.nodePools.flatMap(pool => renderPool(ctx, pool)),
  ];
}

function groupOfApiVersion(apiVersion: string): string {
  return apiVersion.includes('/')
    ? apiVersion.slice(0, apiVersion.lastIndexOf('/'))
    : '';
}

/** `group/Kind` of every object and every reference (`apiGroup`/`apiVersion` + `kind`). */
function collectKinds(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    value.forEach(entry => collectKinds(entry, into));
    return;
  }
  if (typeof value !== 'object' || value === null) {
    return;
  }
  const object = value as Record<string, unknown>;
  if (typeof object.kind === 'string') {
    let group = '';
    if (typeof object.apiGroup === 'string') {
      group = object.apiGroup;
    } else if (typeof object.apiVersion === 'string') {
      group = groupOfApiVersion(object.apiVersion);
    }
    if (group.endsWith('cluster.x-k8s.io')) {
      into.add(`${group}/${object.kind}`);
    }
  }
  Object.values(object).forEach(entry => collectKinds(entry, into));
}

/**
 * The `group/Kind` keys a request needs the management cluster to serve: the kinds its
 * manifests are and the kinds they reference (the ClusterClass in topology mode, Azure's
 * cluster identity). Validates the request like renderClusterManifests.
 *
 * @public
 */
export function clusterApiKindsFor(
  request: ClusterRequest,
  providers: ClusterApiProviders = DEFAULT_CLUSTER_API_PROVIDERS,
): string[] {
  const keys = new Set<string>();
  collectKinds(renderClusterManifests(request, undefined, providers), keys);
  if (request.topology) {
    keys.add('cluster.x-k8s.io/ClusterClass');
  }
  return [...keys].sort();
}
