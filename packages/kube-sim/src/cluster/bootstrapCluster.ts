import { ResourceRegistry } from '../api/ResourceRegistry';
import { KubeObject } from '../api/types';
import { defaultRbacObjects } from '../auth/defaultClusterRoles';
import { ObjectStore } from '../store/ObjectStore';

const SYSTEM_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
];

export const DEFAULT_KUBELET_VERSION = 'v1.33.0';

export interface SimulatedNodeOptions {
  kubeletVersion?: string;
  controlPlane?: boolean;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A Ready node with capacity; `index` (from 1) picks its zone and internal address. */
export function simulatedNode(
  name: string,
  index: number,
  options: SimulatedNodeOptions = {},
): KubeObject {
  const now = new Date().toISOString();
  const kubeletVersion = options.kubeletVersion ?? DEFAULT_KUBELET_VERSION;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'topology.kubernetes.io/zone': `zone-${String.fromCharCode(
          96 + (((index - 1) % 3) + 1),
        )}`,
        ...(options.controlPlane
          ? { 'node-role.kubernetes.io/control-plane': '' }
          : {}),
        ...options.labels,
      },
      ...(options.annotations && { annotations: options.annotations }),
    },
    spec: {},
    status: {
      capacity: {
        cpu: '8',
        memory: '32Gi',
        pods: '110',
        'ephemeral-storage': '100Gi',
      },
      allocatable: {
        cpu: '7800m',
        memory: '31Gi',
        pods: '110',
        'ephemeral-storage': '95Gi',
      },
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
          lastTransitionTime: now,
        },
        {
          type: 'MemoryPressure',
          status: 'False',
          reason: 'KubeletHasSufficientMemory',
          lastTransitionTime: now,
        },
        {
          type: 'DiskPressure',
          status: 'False',
          reason: 'KubeletHasNoDiskPressure',
          lastTransitionTime: now,
        },
      ],
      addresses: [
        {
          type: 'InternalIP',
          address: `10.0.${Math.floor((index + 10) / 256)}.${
            (index + 10) % 256
          }`,
        },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: {
        kubeletVersion,
        kubeProxyVersion: kubeletVersion,
        containerRuntimeVersion: 'containerd://2.0.0',
        osImage: 'kube-sim',
        operatingSystem: 'linux',
        architecture: 'amd64',
        kernelVersion: '6.1.0',
      },
    },
  };
}

/** What a new cluster has before anyone deploys: system namespaces, nodes, a StorageClass. */
export function bootstrapCluster(
  store: ObjectStore,
  registry: ResourceRegistry,
  clusterName: string,
  nodeCount: number,
  kubeletVersion = DEFAULT_KUBELET_VERSION,
) {
  const namespaces = registry.find('', 'v1', 'namespaces')!;
  for (const name of SYSTEM_NAMESPACES) {
    store.create(namespaces, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }
  const nodes = registry.find('', 'v1', 'nodes')!;
  const [clusterRoles, clusterRoleBindings] = [
    'clusterroles',
    'clusterrolebindings',
  ].map(plural => registry.find('rbac.authorization.k8s.io', 'v1', plural)!);
  for (let i = 1; i <= nodeCount; i++) {
    store.create(
      nodes,
      simulatedNode(`${clusterName}-node-${i}`, i, {
        kubeletVersion,
        controlPlane: i === 1,
      }),
    );
  }
  const rbac = defaultRbacObjects();
  for (const role of rbac.clusterRoles) {
    store.create(clusterRoles, role);
  }
  for (const binding of rbac.clusterRoleBindings) {
    store.create(clusterRoleBindings, binding);
  }
  store.create(registry.find('storage.k8s.io', 'v1', 'storageclasses')!, {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name: 'standard',
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
    },
    provisioner: 'kube-sim.io/simulated',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
  });
}
