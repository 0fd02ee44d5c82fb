import { ApiContext } from '../api/ApiContext';
import { quantityValue } from '../api/quantity';
import { KubeObject } from '../api/types';
import { MetricFamily, Sample, sanitizeLabelName } from './exposition';

const POD_PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'];

function list(ctx: ApiContext, plural: string, group = '', version = 'v1') {
  const type = ctx.registry.find(group, version, plural);
  return type ? ctx.store.list(type) : [];
}

/** kube-state-metrics' resource and unit labels: `nvidia.com/gpu` → `nvidia_com_gpu`. */
function resourceLabels(resource: string): { resource: string; unit: string } {
  if (resource === 'cpu') {
    return { resource, unit: 'core' };
  }
  if (
    resource === 'memory' ||
    resource === 'storage' ||
    resource.includes('storage')
  ) {
    return { resource: sanitizeLabelName(resource), unit: 'byte' };
  }
  return { resource: sanitizeLabelName(resource), unit: 'integer' };
}

function resourceSamples(
  quantities: Record<string, unknown> | undefined,
  labels: Record<string, string>,
): Sample[] {
  return Object.entries(quantities ?? {}).flatMap(([resource, quantity]) => {
    const value = quantityValue(quantity);
    return value === undefined
      ? []
      : [{ labels: { ...labels, ...resourceLabels(resource) }, value }];
  });
}

function podFamilies(pods: KubeObject[]): MetricFamily[] {
  const info: Sample[] = [];
  const podLabels: Sample[] = [];
  const phases: Sample[] = [];
  const restarts: Sample[] = [];
  const requests: Sample[] = [];
  const limits: Sample[] = [];
  for (const pod of pods) {
    const namespace = pod.metadata.namespace!;
    const name = pod.metadata.name!;
    const node = pod.spec?.nodeName ?? '';
    const owner = pod.metadata.ownerReferences?.[0];
    info.push({
      labels: {
        namespace,
        pod: name,
        uid: pod.metadata.uid ?? '',
        node,
        pod_ip: pod.status?.podIP ?? '',
        created_by_kind: owner?.kind ?? '',
        created_by_name: owner?.name ?? '',
      },
      value: 1,
    });
    // As kube-state-metrics run with --metric-labels-allowlist=pods=[*].
    podLabels.push({
      labels: {
        namespace,
        pod: name,
        ...Object.fromEntries(
          Object.entries(pod.metadata.labels ?? {}).map(([key, value]) => [
            `label_${sanitizeLabelName(key)}`,
            value,
          ]),
        ),
      },
      value: 1,
    });
    for (const phase of POD_PHASES) {
      phases.push({
        labels: { namespace, pod: name, phase },
        value: pod.status?.phase === phase ? 1 : 0,
      });
    }
    for (const status of pod.status?.containerStatuses ?? []) {
      restarts.push({
        labels: { namespace, pod: name, container: status.name },
        value: status.restartCount ?? 0,
      });
    }
    for (const container of pod.spec?.containers ?? []) {
      const labels = { namespace, pod: name, container: container.name, node };
      requests.push(...resourceSamples(container.resources?.requests, labels));
      limits.push(...resourceSamples(container.resources?.limits, labels));
    }
  }
  return [
    {
      name: 'kube_pod_info',
      help: 'Information about pod.',
      type: 'gauge',
      samples: info,
    },
    {
      name: 'kube_pod_labels',
      help: 'Kubernetes labels converted to Prometheus labels.',
      type: 'gauge',
      samples: podLabels,
    },
    {
      name: 'kube_pod_status_phase',
      help: 'The pods current phase.',
      type: 'gauge',
      samples: phases,
    },
    {
      name: 'kube_pod_container_status_restarts_total',
      help: 'The number of container restarts per container.',
      type: 'counter',
      samples: restarts,
    },
    {
      name: 'kube_pod_container_resource_requests',
      help: 'The number of requested request resource by a container.',
      type: 'gauge',
      samples: requests,
    },
    {
      name: 'kube_pod_container_resource_limits',
      help: 'The number of requested limit resource by a container.',
      type: 'gauge',
      samples: limits,
    },
  ];
}

function quotaFamily(quotas: KubeObject[]): MetricFamily {
  const samples: Sample[] = [];
  for (const quota of quotas) {
    for (const type of ['hard', 'used'] as const) {
      for (const [resource, quantity] of Object.entries(
        quota.status?.[type] ?? {},
      )) {
        const value = quantityValue(quantity);
        if (value !== undefined) {
          samples.push({
            labels: {
              namespace: quota.metadata.namespace!,
              resourcequota: quota.metadata.name!,
              resource,
              type,
            },
            value,
          });
        }
      }
    }
  }
  return {
    name: 'kube_resourcequota',
    help: 'Information about resource quota.',
    type: 'gauge',
    samples,
  };
}

function nodeFamilies(nodes: KubeObject[]): MetricFamily[] {
  return [
    {
      name: 'kube_node_info',
      help: 'Information about a cluster node.',
      type: 'gauge',
      samples: nodes.map(node => ({
        labels: {
          node: node.metadata.name!,
          kubelet_version: node.status?.nodeInfo?.kubeletVersion ?? '',
        },
        value: 1,
      })),
    },
    {
      name: 'kube_node_status_allocatable',
      help: 'The allocatable for different resources of a node that are available for scheduling.',
      type: 'gauge',
      samples: nodes.flatMap(node =>
        resourceSamples(node.status?.allocatable, {
          node: node.metadata.name!,
        }),
      ),
    },
    {
      name: 'kube_node_status_capacity',
      help: 'The capacity for different resources of a node.',
      type: 'gauge',
      samples: nodes.flatMap(node =>
        resourceSamples(node.status?.capacity, { node: node.metadata.name! }),
      ),
    },
  ];
}

function claimFamily(claims: KubeObject[]): MetricFamily {
  return {
    name: 'kube_persistentvolumeclaim_resource_requests_storage_bytes',
    help: 'The capacity of storage requested by the persistent volume claim.',
    type: 'gauge',
    samples: claims.flatMap(claim => {
      const value = quantityValue(claim.spec?.resources?.requests?.storage);
      return value === undefined
        ? []
        : [
            {
              labels: {
                namespace: claim.metadata.namespace!,
                persistentvolumeclaim: claim.metadata.name!,
              },
              value,
            },
          ];
    }),
  };
}

/** kube-state-metrics' series (a subset, with its names and labels) for the cluster's objects. */
export function kubeStateFamilies(ctx: ApiContext): MetricFamily[] {
  return [
    ...podFamilies(list(ctx, 'pods')),
    quotaFamily(list(ctx, 'resourcequotas')),
    ...nodeFamilies(list(ctx, 'nodes')),
    claimFamily(list(ctx, 'persistentvolumeclaims')),
  ];
}
