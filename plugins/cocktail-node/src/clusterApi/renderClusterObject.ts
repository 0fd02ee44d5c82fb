import { Manifest } from '../rendering/types';
import { KINDS, isV1beta1, objectRef } from './apiVersions';
import { RenderContext, clusterObject, compact } from './renderContext';

/** `spec.clusterNetwork` from the request (same shape in v1beta1 and v1beta2). */
export function clusterNetwork(ctx: RenderContext) {
  const network = ctx.request.network;
  if (!network?.podCidrs && !network?.serviceCidrs) {
    return undefined;
  }
  return compact({
    pods: network.podCidrs ? { cidrBlocks: network.podCidrs } : undefined,
    services: network.serviceCidrs
      ? { cidrBlocks: network.serviceCidrs }
      : undefined,
  });
}

/** The Cluster, its labels the request's own plus the ones every object carries. */
export function renderClusterObject(
  ctx: RenderContext,
  spec: Record<string, unknown>,
): Manifest {
  return clusterObject(
    ctx,
    KINDS.cluster,
    ctx.request.name,
    { spec: compact({ clusterNetwork: clusterNetwork(ctx), ...spec }) },
    { labels: ctx.request.labels },
  );
}

/** A Cluster pointing at its infrastructure cluster and control plane. */
export function renderClusterWithRefs(
  ctx: RenderContext,
  infrastructure: { kind: string; name: string },
  controlPlane: { kind: string; name: string },
): Manifest {
  const style = isV1beta1(ctx.versions, KINDS.cluster)
    ? 'objectReference'
    : 'contract';
  return renderClusterObject(ctx, {
    controlPlaneRef: objectRef(
      style,
      ctx.versions,
      controlPlane.kind,
      controlPlane.name,
    ),
    infrastructureRef: objectRef(
      style,
      ctx.versions,
      infrastructure.kind,
      infrastructure.name,
    ),
  });
}
