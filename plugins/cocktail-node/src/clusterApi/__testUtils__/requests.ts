import { ClusterRequest, InfrastructureProvider } from '../types';

/** The provider options each provider cannot do without, with plausible values. */
export const REQUIRED_OPTIONS: Record<
  InfrastructureProvider,
  Record<string, string>
> = {
  aws: {},
  eks: {},
  azure: {},
  aks: {},
  gcp: { project: 'acme-platform' },
  gke: { project: 'acme-platform' },
  openstack: { image: 'ubuntu-2404-kube-v1.33.1' },
  vsphere: {
    server: 'vcenter.example.com',
    datacenter: 'dc1',
    template: 'ubuntu-2404-kube-v1.33.1',
    network: 'VM Network',
    controlPlaneEndpoint: '10.0.0.100',
  },
  cloudstack: {
    zone: 'zone-1',
    network: 'isolated-net',
    template: 'ubuntu-2404-kube-v1.33.1',
  },
  metal3: {
    imageUrl: 'http://images.example.com/ubuntu-2404.qcow2',
    imageChecksum: 'http://images.example.com/ubuntu-2404.qcow2.sha256sum',
    imageChecksumType: 'sha256',
    imageFormat: 'qcow2',
    controlPlaneEndpoint: '192.168.111.249:6443',
  },
  docker: {},
};

export const SELF_MANAGED: InfrastructureProvider[] = [
  'aws',
  'azure',
  'gcp',
  'openstack',
  'vsphere',
  'cloudstack',
  'metal3',
  'docker',
];
export const MANAGED: InfrastructureProvider[] = ['eks', 'aks', 'gke'];

/** A request exercising most fields: two pools, labels, taints, autoscaling, a zone. */
export function fullRequest(
  provider: InfrastructureProvider,
  overrides: Partial<ClusterRequest> = {},
): ClusterRequest {
  const machineTypes = provider === 'docker' || provider === 'metal3';
  return {
    name: 'demo',
    namespace: 'clusters',
    provider,
    kubernetesVersion: 'v1.33.1',
    ...(['aws', 'azure', 'gcp', 'openstack', 'eks', 'aks', 'gke'].includes(
      provider,
    ) && { zone: provider === 'azure' || provider === 'aks' ? '1' : 'zone-a' }),
    controlPlane: { replicas: 3 },
    nodePools: [
      {
        name: 'system',
        replicas: 2,
        labels: { 'acme.io/pool': 'system' },
      },
      {
        name: 'gpu',
        replicas: 1,
        ...(!machineTypes && {
          machineType: provider === 'vsphere' ? '8cpu-32gib-100gib' : undefined,
        }),
        autoscaling: { minReplicas: 0, maxReplicas: 4 },
        labels: {
          'acme.io/accelerator': 'nvidia',
          'node-role.kubernetes.io/gpu': '',
        },
        taints: [
          { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
        ],
      },
    ],
    network: { podCidrs: ['10.244.0.0/16'], serviceCidrs: ['10.96.0.0/12'] },
    labels: { team: 'platform' },
    providerOptions: REQUIRED_OPTIONS[provider],
    ...overrides,
  };
}
