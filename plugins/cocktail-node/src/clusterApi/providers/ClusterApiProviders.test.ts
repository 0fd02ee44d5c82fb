import { validateClusterRequest } from '../validateClusterRequest';
import { renderClusterManifests } from '../renderClusterManifests';
import {
  BUILT_IN_INFRASTRUCTURE_PROVIDERS,
  builtInClusterApiProviders,
} from './builtInClusterApiProviders';
import { ClusterApiProviders } from './ClusterApiProviders';

const docker = BUILT_IN_INFRASTRUCTURE_PROVIDERS.find(p => p.id === 'docker')!;
const eks = BUILT_IN_INFRASTRUCTURE_PROVIDERS.find(p => p.id === 'eks')!;

describe('ClusterApiProviders', () => {
  it('refuses ids that are not DNS labels, and an id given twice', () => {
    const providers = new ClusterApiProviders();
    expect(() =>
      providers.addInfrastructureProvider({ ...docker, id: 'My Cloud' }),
    ).toThrow(
      'infrastructure provider id must be a DNS-1123 label (lowercase letters, digits, \'-\'), got "My Cloud"',
    );
    providers.addInfrastructureProvider(docker);
    expect(() => providers.addInfrastructureProvider(docker)).toThrow(
      'infrastructure provider "docker" is registered twice',
    );
  });

  it('refuses a provider that is neither or both self-managed and managed, or whose profile says otherwise', () => {
    const providers = new ClusterApiProviders();
    expect(() =>
      providers.addInfrastructureProvider({
        id: 'both',
        profile: docker.profile,
        selfManaged: docker.selfManaged,
        managedService: eks.managedService,
      }),
    ).toThrow('must have exactly one of selfManaged and managedService');
    expect(() =>
      providers.addInfrastructureProvider({
        id: 'neither',
        profile: docker.profile,
      }),
    ).toThrow('must have exactly one of selfManaged and managedService');
    expect(() =>
      providers.addInfrastructureProvider({
        id: 'confused',
        profile: docker.profile,
        managedService: eks.managedService,
      }),
    ).toThrow(
      'infrastructure provider "confused": profile.managed must be true, as it is a managed service',
    );
  });

  it("checks versions with a control-plane provider's own rule and renders its control plane", () => {
    const providers = builtInClusterApiProviders();
    const kubeadm = providers.controlPlane('kubeadm')!;
    providers.addControlPlaneProvider({
      id: 'evenkube',
      provider: kubeadm.provider,
      versionProblem: version =>
        Number(version.split('.')[1]) % 2
          ? `evenkube runs even minor versions only, got "${version}"`
          : undefined,
    });
    const request = {
      name: 'demo',
      provider: 'docker',
      kubernetesVersion: 'v1.33.1',
      controlPlane: { provider: 'evenkube' },
      nodePools: [{ name: 'workers', replicas: 1 }],
    };
    expect(validateClusterRequest(request, providers).issues).toEqual([
      {
        field: 'kubernetesVersion',
        message: 'evenkube runs even minor versions only, got "v1.33.1"',
      },
    ]);
    const manifests = renderClusterManifests(
      { ...request, kubernetesVersion: 'v1.32.4' },
      undefined,
      providers,
    );
    expect(manifests.map(m => m.kind)).toContain('KubeadmControlPlane');
    // The built-in registry knows nothing of it.
    expect(validateClusterRequest(request).issues[0]).toEqual({
      field: 'controlPlane.provider',
      message: 'expected one of kubeadm, rke2, k3s, got the string "evenkube"',
    });
  });

  it('writes offline apiVersions for the kinds a provider declares', () => {
    const providers = builtInClusterApiProviders();
    providers.addInfrastructureProvider({
      ...docker,
      id: 'other',
      apiVersions: {
        'infrastructure.cluster.x-k8s.io/OtherCluster':
          'infrastructure.cluster.x-k8s.io/v1alpha3',
      },
    });
    expect(
      providers.offlineVersions()[
        'infrastructure.cluster.x-k8s.io/OtherCluster'
      ],
    ).toBe('infrastructure.cluster.x-k8s.io/v1alpha3');
    expect(providers.offlineVersions()['cluster.x-k8s.io/Cluster']).toBe(
      'cluster.x-k8s.io/v1beta2',
    );
  });
});
