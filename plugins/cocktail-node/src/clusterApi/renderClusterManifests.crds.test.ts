import {
  CrdSchemas,
  crdFixturesMissing,
} from '../__testUtils__/validateWithCrdSchemas';
import { Manifest } from '../rendering/types';
import { MANAGED, SELF_MANAGED, fullRequest } from './__testUtils__/requests';
import { shapeProblems } from './__testUtils__/shapeProblems';
import {
  OFFLINE_CLUSTER_API_VERSIONS,
  RENDERABLE_VERSIONS,
  groupOf,
  kindOf,
} from './apiVersions';
import { renderClusterManifests } from './renderClusterManifests';
import { ClusterApiVersions, ControlPlaneProvider } from './types';

const missing = crdFixturesMissing();
if (missing) {
  // eslint-disable-next-line no-console
  console.warn(missing);
}
const describeWithFixtures = missing ? describe.skip : describe;

/** Every manifest against its CRD (or, without one, its shape), as `Kind name: field: message`. */
function problems(schemas: CrdSchemas, manifests: Manifest[]): string[] {
  return manifests.flatMap(manifest =>
    (schemas.has(manifest.apiVersion, manifest.kind)
      ? schemas.manifestProblems(manifest)
      : shapeProblems(schemas, manifest)
    ).map(problem => `${manifest.kind} ${manifest.metadata.name}: ${problem}`),
  );
}

const V1BETA1_CORE: ClusterApiVersions = {
  ...OFFLINE_CLUSTER_API_VERSIONS,
  'cluster.x-k8s.io/Cluster': 'cluster.x-k8s.io/v1beta1',
  'cluster.x-k8s.io/MachineDeployment': 'cluster.x-k8s.io/v1beta1',
  'cluster.x-k8s.io/MachinePool': 'cluster.x-k8s.io/v1beta1',
  'controlplane.cluster.x-k8s.io/KubeadmControlPlane':
    'controlplane.cluster.x-k8s.io/v1beta1',
  'controlplane.cluster.x-k8s.io/RKE2ControlPlane':
    'controlplane.cluster.x-k8s.io/v1beta1',
  'controlplane.cluster.x-k8s.io/KThreesControlPlane':
    'controlplane.cluster.x-k8s.io/v1beta1',
  'bootstrap.cluster.x-k8s.io/KubeadmConfigTemplate':
    'bootstrap.cluster.x-k8s.io/v1beta1',
  'bootstrap.cluster.x-k8s.io/RKE2ConfigTemplate':
    'bootstrap.cluster.x-k8s.io/v1beta1',
  'bootstrap.cluster.x-k8s.io/KThreesConfigTemplate':
    'bootstrap.cluster.x-k8s.io/v1beta1',
};

describeWithFixtures('rendered clusters against the upstream CRDs', () => {
  let schemas: CrdSchemas;

  beforeAll(() => {
    schemas = CrdSchemas.load();
  });

  const controlPlanes: ControlPlaneProvider[] = ['kubeadm', 'rke2', 'k3s'];
  const selfManaged = SELF_MANAGED.flatMap(provider =>
    controlPlanes.map(controlPlane => [provider, controlPlane] as const),
  );

  it.each(selfManaged)(
    'renders %s with %s that the CRD schemas accept',
    (provider, controlPlane) => {
      const manifests = renderClusterManifests(
        fullRequest(provider, {
          controlPlane: { provider: controlPlane, replicas: 3 },
        }),
      );
      expect(manifests.map(m => m.kind)).toHaveLength(4 + 2 * 3);
      expect(problems(schemas, manifests)).toEqual([]);
    },
  );

  it.each(MANAGED)(
    'renders %s, its control plane and machine pools that the CRD schemas accept',
    provider => {
      const manifests = renderClusterManifests(fullRequest(provider));
      expect(manifests.map(m => m.kind)).toHaveLength(3 + 2 * 2);
      expect(problems(schemas, manifests)).toEqual([]);
    },
  );

  it.each([...SELF_MANAGED, ...MANAGED])(
    'renders a ClusterClass cluster on %s that the Cluster CRD accepts',
    provider => {
      const manifests = renderClusterManifests(
        fullRequest(provider, {
          topology: {
            classRef: { name: 'quick-start', namespace: 'capi-classes' },
            variables: {
              imageRepository: 'registry.k8s.io',
              etcd: { quota: 8 },
            },
          },
        }),
      );
      expect(manifests.map(m => m.kind)).toEqual(['Cluster']);
      expect(problems(schemas, manifests)).toEqual([]);
    },
  );

  it.each(controlPlanes)(
    'renders v1beta1 shapes with %s for an older management cluster that the v1beta1 schemas accept',
    controlPlane => {
      const manifests = renderClusterManifests(
        fullRequest('docker', {
          controlPlane: { provider: controlPlane, replicas: 3 },
        }),
        V1BETA1_CORE,
      );
      expect(
        manifests.filter(m => m.apiVersion.endsWith('/v1beta1')).length,
      ).toBeGreaterThanOrEqual(4);
      expect(problems(schemas, manifests)).toEqual([]);
    },
  );

  it.each(MANAGED)(
    'renders v1beta1 MachinePools on %s for an older management cluster',
    provider => {
      const manifests = renderClusterManifests(
        fullRequest(provider),
        V1BETA1_CORE,
      );
      expect(problems(schemas, manifests)).toEqual([]);
    },
  );

  it('renders a v1beta1 ClusterClass cluster that the v1beta1 schema accepts', () => {
    const manifests = renderClusterManifests(
      fullRequest('aws', { topology: { classRef: { name: 'quick-start' } } }),
      V1BETA1_CORE,
    );
    expect(problems(schemas, manifests)).toEqual([]);
  });

  /** Each provider kind renderable at more than one version, at each of its other versions. */
  const alternatives = Object.entries(RENDERABLE_VERSIONS)
    .filter(([key]) => groupOf(key) === 'infrastructure.cluster.x-k8s.io')
    .flatMap(([key, versions]) =>
      versions
        .filter(
          version =>
            `${groupOf(key)}/${version}` !== OFFLINE_CLUSTER_API_VERSIONS[key],
        )
        .map(version => [kindOf(key), version, key] as const),
    );

  it.each(alternatives)(
    'renders %s at %s, an older version it is also written at, that its schema accepts',
    (kind, version, key) => {
      const provider = SELF_MANAGED.find(candidate =>
        renderClusterManifests(fullRequest(candidate)).some(
          m => m.kind === kind,
        ),
      )!;
      const manifests = renderClusterManifests(fullRequest(provider), {
        [key]: `${groupOf(key)}/${version}`,
      }).filter(m => m.kind === kind);
      expect(manifests.length).toBeGreaterThan(0);
      expect(manifests.every(m => m.apiVersion.endsWith(`/${version}`))).toBe(
        true,
      );
      expect(problems(schemas, manifests)).toEqual([]);
    },
  );

  it('flags fields a schema does not declare, which the API server would drop', () => {
    const [cluster] = renderClusterManifests(fullRequest('aws'));
    const broken = {
      ...cluster,
      spec: {
        ...(cluster.spec as object),
        clusterNetwork: { podCidrs: ['10.0.0.0/8'] },
      },
    };
    expect(problems(schemas, [broken])).toEqual([
      'Cluster demo: spec.clusterNetwork: must NOT have additional properties (podCidrs)',
    ]);
  });
});
