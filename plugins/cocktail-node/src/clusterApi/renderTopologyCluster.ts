import { Manifest } from '../rendering/types';
import { KINDS, isV1beta1 } from './apiVersions';
import { distributionVersion } from './distributionVersion';
import { RenderContext, compact } from './renderContext';
import { renderClusterObject } from './renderClusterObject';
import { autoscalerAnnotations } from './renderNodePool';
import { NodePoolRequest } from './types';

const DEFAULT_WORKER_CLASS = 'default-worker';

function worker(ctx: RenderContext, pool: NodePoolRequest, v1beta1: boolean) {
  const annotations = autoscalerAnnotations(pool);
  const metadata = compact({ labels: pool.labels, annotations });
  return compact({
    class: pool.class ?? DEFAULT_WORKER_CLASS,
    name: pool.name,
    // With autoscaling the autoscaler owns replicas: the topology controller would reset them.
    replicas: pool.autoscaling ? undefined : pool.replicas,
    metadata: Object.keys(metadata).length ? metadata : undefined,
    failureDomain: ctx.request.zone,
    // Node taints Cluster API manages (v1beta2 only).
    taints:
      !v1beta1 && pool.taints?.length
        ? pool.taints.map(taint => ({ ...taint, propagation: 'Always' }))
        : undefined,
  });
}

/**
 * ClusterClass mode: one Cluster with `spec.topology`; the ClusterClass supplies every other
 * object. Managed services grow MachinePools, the others MachineDeployments.
 */
export function renderTopologyCluster(ctx: RenderContext): Manifest {
  const topology = ctx.request.topology!;
  const v1beta1 = isV1beta1(ctx.versions, KINDS.cluster);
  const managed = Boolean(
    ctx.providers.infrastructure(ctx.request.provider)?.managedService,
  );
  const workers = ctx.request.nodePools.map(pool => {
    const entry = worker(ctx, pool, v1beta1);
    if (!managed) {
      return entry;
    }
    const { failureDomain, ...rest } = entry as Record<string, unknown>;
    return compact({
      ...rest,
      failureDomains: failureDomain ? [failureDomain] : undefined,
    });
  });
  const variables = Object.entries(topology.variables ?? {}).map(
    ([name, value]) => ({ name, value }),
  );
  const classRef = v1beta1
    ? compact({
        class: topology.classRef.name,
        classNamespace: topology.classRef.namespace,
      })
    : { classRef: compact({ ...topology.classRef }) };
  return renderClusterObject(ctx, {
    topology: compact({
      ...classRef,
      version: distributionVersion(
        ctx.request.controlPlane?.provider,
        ctx.request.kubernetesVersion,
      ),
      controlPlane: managed
        ? undefined
        : { replicas: ctx.request.controlPlane?.replicas ?? 1 },
      workers: {
        [managed ? 'machinePools' : 'machineDeployments']: workers,
      },
      variables: variables.length ? variables : undefined,
    }),
  });
}
