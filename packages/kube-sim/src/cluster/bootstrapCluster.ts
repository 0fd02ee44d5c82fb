import { ResourceRegistry } from '../api/ResourceRegistry';
import { ObjectStore } from '../store/ObjectStore';

const SYSTEM_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
];

/** What a new cluster has before anyone deploys: system namespaces, nodes, a StorageClass. */
export function bootstrapCluster(
  store: ObjectStore,
  registry: ResourceRegistry,
  clusterName: string,
  nodeCount: number,
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
  for (let i = 1; i <= nodeCount; i++) {
    const name = `${clusterName}-node-${i}`;
    const now = new Date().toISOString();
    store.create(nodes, {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        labels: {
          'kubernetes.io/hostname': name,
          'kubernetes.io/os': 'linux',
          'kubernetes.io/arch': 'amd64',
          'topology.kubernetes.io/zone': `zone-${String.fromCharCode(
            96 + (((i - 1) % 3) + 1),
          )}`,
          ...(i === 1 ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
        },
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
          { type: 'InternalIP', address: `10.0.0.${i + 10}` },
          { type: 'Hostname', address: name },
        ],
        nodeInfo: {
          kubeletVersion: 'v1.33.0',
          kubeProxyVersion: 'v1.33.0',
          containerRuntimeVersion: 'containerd://2.0.0',
          osImage: 'kube-sim',
          operatingSystem: 'linux',
          architecture: 'amd64',
          kernelVersion: '6.1.0',
        },
      },
    });
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
