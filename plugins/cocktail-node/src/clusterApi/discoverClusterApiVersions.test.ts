import { fakeDiscovery } from './__testUtils__/fakeDiscovery';
import { find } from './__testUtils__/find';
import { OFFLINE_CLUSTER_API_VERSIONS } from './apiVersions';
import {
  discoverClusterApiVersions,
  versionRank,
} from './discoverClusterApiVersions';
import { renderClusterManifests } from './renderClusterManifests';
import { ClusterRequest } from './types';

const request: ClusterRequest = {
  name: 'demo',
  provider: 'aws',
  kubernetesVersion: 'v1.33.1',
  nodePools: [{ name: 'workers', replicas: 2 }],
};

const CORE = ['Cluster', 'ClusterClass', 'MachineDeployment', 'MachinePool'];

/** A current management cluster with CAPA: core, kubeadm and AWS at v1beta2, v1beta1 still served. */
const current = {
  'cluster.x-k8s.io': {
    preferred: 'v1beta2',
    versions: { v1beta1: CORE, v1beta2: CORE },
  },
  'controlplane.cluster.x-k8s.io': {
    preferred: 'v1beta2',
    versions: {
      v1beta1: ['KubeadmControlPlane'],
      v1beta2: ['KubeadmControlPlane', 'AWSManagedControlPlane'],
    },
  },
  'bootstrap.cluster.x-k8s.io': {
    preferred: 'v1beta2',
    versions: {
      v1beta1: ['KubeadmConfigTemplate'],
      v1beta2: ['KubeadmConfigTemplate'],
    },
  },
  'infrastructure.cluster.x-k8s.io': {
    preferred: 'v1beta2',
    versions: {
      v1beta2: [
        'AWSCluster',
        'AWSMachineTemplate',
        'AWSManagedCluster',
        'AWSManagedMachinePool',
      ],
    },
  },
};

/** An older management cluster (Cluster API before v1.11): v1beta1 only. */
const older = {
  'cluster.x-k8s.io': { preferred: 'v1beta1', versions: { v1beta1: CORE } },
  'controlplane.cluster.x-k8s.io': {
    preferred: 'v1beta1',
    versions: { v1beta1: ['KubeadmControlPlane'] },
  },
  'bootstrap.cluster.x-k8s.io': {
    preferred: 'v1beta1',
    versions: { v1beta1: ['KubeadmConfigTemplate'] },
  },
  'infrastructure.cluster.x-k8s.io': {
    preferred: 'v1beta2',
    versions: { v1beta2: ['AWSCluster', 'AWSMachineTemplate'] },
  },
};

describe('discoverClusterApiVersions', () => {
  it("chooses each group's preferred version when it serves the kind", async () => {
    const { versions, missingKinds } = await discoverClusterApiVersions(
      fakeDiscovery(current),
      { request },
    );
    expect(missingKinds).toEqual([]);
    expect(versions['cluster.x-k8s.io/Cluster']).toBe(
      'cluster.x-k8s.io/v1beta2',
    );
    expect(versions['controlplane.cluster.x-k8s.io/KubeadmControlPlane']).toBe(
      'controlplane.cluster.x-k8s.io/v1beta2',
    );
  });

  it('writes v1beta1 objects with apiVersion references for an older v1beta1-only management cluster', async () => {
    const { versions, missingKinds } = await discoverClusterApiVersions(
      fakeDiscovery(older),
      { request },
    );
    expect(missingKinds).toEqual([]);
    expect(versions).toMatchObject({
      'cluster.x-k8s.io/Cluster': 'cluster.x-k8s.io/v1beta1',
      'cluster.x-k8s.io/MachineDeployment': 'cluster.x-k8s.io/v1beta1',
      'controlplane.cluster.x-k8s.io/KubeadmControlPlane':
        'controlplane.cluster.x-k8s.io/v1beta1',
      'bootstrap.cluster.x-k8s.io/KubeadmConfigTemplate':
        'bootstrap.cluster.x-k8s.io/v1beta1',
      'infrastructure.cluster.x-k8s.io/AWSCluster':
        'infrastructure.cluster.x-k8s.io/v1beta2',
    });
    const manifests = renderClusterManifests(request, versions);
    expect(find(manifests, 'Cluster').spec.infrastructureRef).toEqual({
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
      kind: 'AWSCluster',
      name: 'demo',
    });
    expect(
      find(manifests, 'MachineDeployment').spec.template.spec.bootstrap,
    ).toEqual({
      configRef: {
        apiVersion: 'bootstrap.cluster.x-k8s.io/v1beta1',
        kind: 'KubeadmConfigTemplate',
        name: 'demo-workers',
      },
    });
  });

  it('reports the kinds of a provider that is not installed and keeps their offline versions', async () => {
    const { versions, missingKinds } = await discoverClusterApiVersions(
      fakeDiscovery(current),
      {
        request: {
          ...request,
          provider: 'vsphere',
          controlPlane: { provider: 'rke2' },
          providerOptions: {
            server: 'vc',
            datacenter: 'dc',
            template: 't',
            network: 'n',
            controlPlaneEndpoint: '10.0.0.9',
          },
        },
      },
    );
    expect(missingKinds).toEqual([
      'bootstrap.cluster.x-k8s.io/RKE2ConfigTemplate',
      'controlplane.cluster.x-k8s.io/RKE2ControlPlane',
      'infrastructure.cluster.x-k8s.io/VSphereCluster',
      'infrastructure.cluster.x-k8s.io/VSphereMachineTemplate',
    ]);
    expect(versions['infrastructure.cluster.x-k8s.io/VSphereCluster']).toBe(
      OFFLINE_CLUSTER_API_VERSIONS[
        'infrastructure.cluster.x-k8s.io/VSphereCluster'
      ],
    );
  });

  it('counts a kind served only at versions it cannot write as missing, saying which are served', async () => {
    const result = await discoverClusterApiVersions(
      fakeDiscovery({
        'infrastructure.cluster.x-k8s.io': {
          preferred: 'v1alpha7',
          versions: { v1alpha7: ['OpenStackCluster'] },
        },
      }),
      { kinds: ['infrastructure.cluster.x-k8s.io/OpenStackCluster'] },
    );
    expect(result.missingKinds).toEqual([
      'infrastructure.cluster.x-k8s.io/OpenStackCluster',
    ]);
    expect(result.unsupportedVersions).toEqual({
      'infrastructure.cluster.x-k8s.io/OpenStackCluster': ['v1alpha7'],
    });
  });

  it('takes the highest version it can write when the preferred one does not serve the kind', async () => {
    const { versions } = await discoverClusterApiVersions(
      fakeDiscovery({
        'infrastructure.cluster.x-k8s.io': {
          preferred: 'v1beta3',
          versions: {
            v1beta1: ['CloudStackMachineTemplate', 'CloudStackCluster'],
            v1beta2: ['CloudStackMachineTemplate', 'CloudStackCluster'],
            v1beta3: ['CloudStackCluster'],
          },
        },
      }),
      {
        kinds: [
          'infrastructure.cluster.x-k8s.io/CloudStackCluster',
          'infrastructure.cluster.x-k8s.io/CloudStackMachineTemplate',
        ],
      },
    );
    expect(versions['infrastructure.cluster.x-k8s.io/CloudStackCluster']).toBe(
      'infrastructure.cluster.x-k8s.io/v1beta3',
    );
    expect(
      versions['infrastructure.cluster.x-k8s.io/CloudStackMachineTemplate'],
    ).toBe('infrastructure.cluster.x-k8s.io/v1beta2');
  });

  it('asks only for the Cluster API groups, and treats a version whose discovery fails as serving nothing', async () => {
    const get = fakeDiscovery({
      ...current,
      'bootstrap.cluster.x-k8s.io': {
        preferred: 'v1beta2',
        versions: {
          v1beta1: ['KubeadmConfigTemplate'],
          v1beta2: ['KubeadmConfigTemplate'],
        },
      },
    });
    const failing = Object.assign(
      async (path: string) => {
        if (path === '/apis/bootstrap.cluster.x-k8s.io/v1beta2') {
          throw new Error('503 service unavailable');
        }
        return get(path);
      },
      { paths: get.paths },
    );
    const { versions } = await discoverClusterApiVersions(failing, { request });
    expect(versions['bootstrap.cluster.x-k8s.io/KubeadmConfigTemplate']).toBe(
      'bootstrap.cluster.x-k8s.io/v1beta1',
    );
    expect(get.paths.filter(path => path.startsWith('/apis/apps'))).toEqual([]);
  });

  it('checks every kind it can render when given no request', async () => {
    const { missingKinds } = await discoverClusterApiVersions(
      fakeDiscovery(current),
    );
    expect(missingKinds).toContain(
      'infrastructure.cluster.x-k8s.io/AzureCluster',
    );
    expect(missingKinds).not.toContain('cluster.x-k8s.io/Cluster');
  });

  it('ranks Kubernetes versions GA over beta over alpha', () => {
    expect(
      ['v1beta1', 'v1', 'v1alpha4', 'v1beta3', 'v2beta1'].sort(
        (a, b) => versionRank(b) - versionRank(a),
      ),
    ).toEqual(['v2beta1', 'v1', 'v1beta3', 'v1beta1', 'v1alpha4']);
  });
});
