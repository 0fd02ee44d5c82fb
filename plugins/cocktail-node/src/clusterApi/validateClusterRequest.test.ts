import { fullRequest } from './__testUtils__/requests';
import { validateClusterRequest } from './validateClusterRequest';

const valid = {
  name: 'demo',
  provider: 'aws',
  kubernetesVersion: 'v1.33.1',
  nodePools: [{ name: 'workers', replicas: 2 }],
};

function issuesOf(request: unknown) {
  return validateClusterRequest(request).issues;
}

describe('validateClusterRequest', () => {
  it('reports every problem at once, each with its field path and what was expected and got', () => {
    expect(
      issuesOf({
        name: 'Demo_Cluster',
        provider: 'aws',
        kubernetesVersion: '1.33',
        controlPlane: { replicas: 2 },
        nodePools: [
          { name: 'workers', replicas: 3 },
          {
            name: 'workers',
            replicas: 1.5,
            autoscaling: { minReplicas: 4, maxReplicas: 2 },
          },
          {
            name: 'gpu',
            replicas: 9,
            autoscaling: { minReplicas: 1, maxReplicas: 4 },
          },
        ],
        network: { podCidrs: ['10.0.0.0/8'], serviceCidrs: ['10.96.0.0/33'] },
      }),
    ).toEqual([
      {
        field: 'name',
        message:
          'must be a DNS-1123 label (lowercase letters, digits and \'-\', starting and ending with a letter or digit), got "Demo_Cluster"',
      },
      {
        field: 'controlPlane.replicas',
        message:
          'expected an odd number (the control plane runs etcd, which needs a majority), got 2',
      },
      {
        field: 'kubernetesVersion',
        message: 'expected vX.Y.Z like v1.33.1, got "1.33"',
      },
      {
        field: 'nodePools[1].replicas',
        message: 'expected a whole number, got the number 1.5',
      },
      {
        field: 'nodePools[1].autoscaling',
        message: 'expected minReplicas <= maxReplicas, got 4 > 2',
      },
      {
        field: 'nodePools[1].name',
        message:
          'expected a unique name, got "workers" which nodePools[0] already has',
      },
      {
        field: 'nodePools[2].replicas',
        message:
          'expected a number from autoscaling.minReplicas 1 to maxReplicas 4, got 9',
      },
      {
        field: 'network.serviceCidrs[0]',
        message:
          'expected a CIDR block like 10.0.0.0/16 or fd00::/48, got "10.96.0.0/33"',
      },
    ]);
  });

  it('fills in the defaults of the provider', () => {
    expect(validateClusterRequest(valid)).toEqual({
      issues: [],
      request: {
        name: 'demo',
        namespace: 'default',
        provider: 'aws',
        region: 'us-east-1',
        kubernetesVersion: 'v1.33.1',
        controlPlane: {
          provider: 'kubeadm',
          replicas: 1,
          machineType: 't3.large',
        },
        nodePools: [{ name: 'workers', replicas: 2, machineType: 't3.large' }],
        network: {
          podCidrs: ['192.168.0.0/16'],
          serviceCidrs: ['10.96.0.0/12'],
        },
      },
    });
    expect(
      validateClusterRequest({ ...valid, provider: 'azure' }).request,
    ).toMatchObject({
      region: 'eastus',
      nodePools: [{ machineType: 'Standard_D4s_v3' }],
      providerOptions: {
        resourceGroup: 'demo',
        identityName: 'cluster-identity',
        vnetName: 'demo-vnet',
      },
    });
  });

  it('leaves the network of managed services to them unless given', () => {
    const { request } = validateClusterRequest({ ...valid, provider: 'eks' });
    expect(request?.network).toBeUndefined();
    expect(request?.controlPlane).toBeUndefined();
  });

  it('refuses something that is not a request object', () => {
    expect(issuesOf('demo')).toEqual([
      {
        field: '',
        message: 'expected a cluster request object, got the string "demo"',
      },
    ]);
  });

  it('names fields it does not know, with the ones it does', () => {
    expect(issuesOf({ ...valid, kubernetesVersoin: 'v1.33.1' })).toEqual([
      {
        field: 'kubernetesVersoin',
        message: expect.stringMatching(
          /^is not a known field \(expected one of name, namespace, provider/,
        ),
      },
    ]);
  });

  it('refuses another control plane on a managed service', () => {
    expect(
      issuesOf({
        ...valid,
        provider: 'gke',
        providerOptions: { project: 'p' },
        controlPlane: { provider: 'k3s' },
      }),
    ).toEqual([
      {
        field: 'controlPlane.provider',
        message:
          'gke runs its own control plane; leave controlPlane.provider out, got "k3s"',
      },
    ]);
  });

  it('asks for the provider options a provider cannot do without, and for none in ClusterClass mode', () => {
    expect(
      issuesOf({ ...valid, provider: 'vsphere' }).map(issue => issue.field),
    ).toEqual([
      'providerOptions.server',
      'providerOptions.datacenter',
      'providerOptions.template',
      'providerOptions.network',
      'providerOptions.controlPlaneEndpoint',
    ]);
    expect(
      issuesOf({
        ...valid,
        provider: 'vsphere',
        topology: { classRef: { name: 'vsphere-quick-start' } },
      }),
    ).toEqual([]);
  });

  it('refuses provider options the provider does not know and values in the wrong format', () => {
    expect(
      issuesOf({
        ...valid,
        provider: 'metal3',
        nodePools: [{ name: 'workers', replicas: 2 }],
        providerOptions: {
          imageURL: 'x',
          imageUrl: 'ftp://images',
          controlPlaneEndpoint: '10.0.0.5:99999',
        },
      }),
    ).toEqual([
      {
        field: 'providerOptions.imageURL',
        message:
          'is not an option of metal3 (expected one of imageUrl, imageChecksum, imageChecksumType, imageFormat, controlPlaneEndpoint)',
      },
      {
        field: 'providerOptions.imageUrl',
        message: 'expected an http(s):// or file:// URL, got "ftp://images"',
      },
      {
        field: 'providerOptions.controlPlaneEndpoint',
        message: 'expected host or host:port, got "10.0.0.5:99999"',
      },
    ]);
  });

  it('refuses overlapping pod and service ranges and two ranges of one family', () => {
    expect(
      issuesOf({
        ...valid,
        network: {
          podCidrs: ['10.0.0.0/8', '172.16.0.0/12'],
          serviceCidrs: ['10.96.0.0/12'],
        },
      }),
    ).toEqual([
      {
        field: 'network.podCidrs',
        message:
          'expected one IPv4 and one IPv6 block for dual-stack, got two IPv4 blocks',
      },
      {
        field: 'network',
        message:
          'expected pod and service ranges not to overlap, got 10.0.0.0/8 and 10.96.0.0/12',
      },
    ]);
    expect(
      issuesOf({
        ...valid,
        network: { podCidrs: ['10.244.0.0/16', 'fd00:10:244::/56'] },
      }),
    ).toEqual([]);
  });

  it('refuses node labels the kubelet may not set and malformed taints', () => {
    expect(
      issuesOf({
        ...valid,
        nodePools: [
          {
            name: 'workers',
            replicas: 2,
            labels: {
              'kubernetes.io/role': 'web',
              'node.kubernetes.io/pool': 'web',
            },
            taints: [
              { key: 'dedicated', effect: 'NoSchedul' },
              { key: 'gpu', effect: 'NoSchedule' },
              { key: 'gpu', effect: 'NoSchedule' },
            ],
          },
        ],
      }),
    ).toEqual([
      {
        field: 'nodePools[0].labels["kubernetes.io/role"]',
        message: expect.stringMatching(
          /^the kubelet may not set labels under kubernetes.io/,
        ),
      },
      {
        field: 'nodePools[0].taints[0].effect',
        message:
          'expected one of NoSchedule, PreferNoSchedule, NoExecute, got the string "NoSchedul"',
      },
      {
        field: 'nodePools[0].taints[2]',
        message: 'repeats the taint gpu:NoSchedule',
      },
    ]);
  });

  it('holds pool names and machine types to what the provider accepts', () => {
    expect(
      issuesOf({
        ...valid,
        provider: 'aks',
        nodePools: [{ name: 'system-pool', replicas: 1 }],
      }),
    ).toEqual([
      {
        field: 'nodePools[0].name',
        message:
          'AKS node pool names are 1 to 12 lowercase letters and digits starting with a letter, got "system-pool"',
      },
    ]);
    expect(
      issuesOf({
        ...valid,
        provider: 'docker',
        nodePools: [{ name: 'w', replicas: 1, machineType: 'm5.large' }],
      }),
    ).toEqual([
      {
        field: 'nodePools[0].machineType',
        message:
          'docker has no machine types (machines are containers); leave it out, got "m5.large"',
      },
    ]);
    expect(
      issuesOf({
        ...fullRequest('vsphere'),
        controlPlane: { machineType: '4 cpus' },
      }),
    ).toEqual([
      {
        field: 'controlPlane.machineType',
        message:
          'expected a vsphere machine type like 4cpu-16gib-40gib (CPUs, memory, optional disk), got "4 cpus"',
      },
    ]);
  });

  it('refuses a region or zone where the provider has none', () => {
    expect(
      issuesOf({ ...fullRequest('cloudstack'), region: 'eu', zone: 'zone-1' }),
    ).toEqual([
      {
        field: 'region',
        message: 'cloudstack has no regions; leave it out, got the string "eu"',
      },
      {
        field: 'zone',
        message:
          'cloudstack has no zones here (set providerOptions.zone); leave it out, got the string "zone-1"',
      },
    ]);
  });

  it('refuses a worker class outside ClusterClass mode', () => {
    expect(
      issuesOf({
        ...valid,
        nodePools: [{ name: 'workers', replicas: 2, class: 'gpu-worker' }],
      }),
    ).toEqual([
      {
        field: 'nodePools[0].class',
        message:
          'names a ClusterClass worker class, which only applies with topology; got "gpu-worker" without topology',
      },
    ]);
  });

  it('asks for the required fields', () => {
    expect(issuesOf({})).toEqual([
      { field: 'name', message: 'is required' },
      {
        field: 'provider',
        message:
          'expected one of aws, eks, azure, aks, gcp, gke, openstack, vsphere, cloudstack, metal3, docker, got nothing',
      },
      { field: 'kubernetesVersion', message: 'is required' },
    ]);
    expect(issuesOf({ ...valid, nodePools: [] })).toEqual([
      {
        field: 'nodePools',
        message: 'expected at least one node pool, got none',
      },
    ]);
  });

  it('accepts its own output unchanged, so a stored request validates again', () => {
    for (const provider of ['aws', 'vsphere', 'aks'] as const) {
      const once = validateClusterRequest(fullRequest(provider)).request;
      expect(validateClusterRequest(once)).toEqual({
        request: once,
        issues: [],
      });
    }
  });

  it('accepts every full example request', () => {
    for (const provider of [
      'aws',
      'azure',
      'gcp',
      'openstack',
      'vsphere',
      'cloudstack',
      'metal3',
      'docker',
      'eks',
      'aks',
      'gke',
    ] as const) {
      expect({ provider, issues: issuesOf(fullRequest(provider)) }).toEqual({
        provider,
        issues: [],
      });
    }
  });
});
