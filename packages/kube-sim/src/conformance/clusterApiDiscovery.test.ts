import path from 'node:path';
import type * as k8s from '@kubernetes/client-node';
import {
  capiCluster,
  createAll,
  dockerCluster,
  hasUpstreamCrds,
  kubeadmControlPlane,
  machineDeployment,
  UPSTREAM_CRDS,
} from './__testUtils__/clusterApiObjects';
import {
  eventually,
  FAST_CONTROLLERS,
  startTestCluster,
  statusOf,
  TestCluster,
} from './__testUtils__/testCluster';

jest.setTimeout(60_000);

const BOTH = ['v1beta1', 'v1beta2'];

/** group → kind → the versions that serve it, as the task lists them. */
const SERVED: Record<string, Record<string, string[]>> = {
  'cluster.x-k8s.io': {
    Cluster: BOTH,
    MachineDeployment: BOTH,
    MachinePool: BOTH,
    ClusterClass: BOTH,
    Machine: BOTH,
  },
  'controlplane.cluster.x-k8s.io': {
    KubeadmControlPlane: BOTH,
    RKE2ControlPlane: BOTH,
    KThreesControlPlane: BOTH,
    AWSManagedControlPlane: ['v1beta2'],
  },
  'bootstrap.cluster.x-k8s.io': {
    KubeadmConfigTemplate: BOTH,
    RKE2ConfigTemplate: BOTH,
    KThreesConfigTemplate: BOTH,
  },
  'infrastructure.cluster.x-k8s.io': {
    ...Object.fromEntries(
      [
        'AWSCluster',
        'AWSMachineTemplate',
        'AWSManagedCluster',
        'AWSManagedMachinePool',
        'Metal3Cluster',
        'Metal3MachineTemplate',
        'VSphereCluster',
        'VSphereMachineTemplate',
        'OpenStackCluster',
        'OpenStackMachineTemplate',
        'DockerCluster',
        'DockerMachineTemplate',
      ].map(kind => [kind, BOTH]),
    ),
    ...Object.fromEntries(
      [
        'AzureCluster',
        'AzureMachineTemplate',
        'AzureManagedCluster',
        'AzureManagedControlPlane',
        'AzureManagedMachinePool',
        'GCPCluster',
        'GCPMachineTemplate',
        'GCPManagedCluster',
        'GCPManagedControlPlane',
        'GCPManagedMachinePool',
      ].map(kind => [kind, ['v1beta1']]),
    ),
    CloudStackCluster: ['v1beta1', 'v1beta2', 'v1beta3'],
    CloudStackMachineTemplate: ['v1beta1', 'v1beta2', 'v1beta3'],
  },
  'addons.cluster.x-k8s.io': {
    HelmChartProxy: ['v1alpha1'],
    HelmReleaseProxy: ['v1alpha1'],
  },
};

/** What discovery says: group → kind → served versions, read as client-node reads it. */
async function servedVersions(
  t: TestCluster,
): Promise<Record<string, Record<string, string[]>>> {
  const groups = await t.config.makeApiClient(t.k8s.ApisApi).getAPIVersions();
  const served: Record<string, Record<string, string[]>> = {};
  for (const group of groups.groups) {
    if (!group.name.endsWith('cluster.x-k8s.io')) {
      continue;
    }
    served[group.name] = {};
    for (const { version, groupVersion } of group.versions) {
      for (const kind of Object.keys(SERVED[group.name] ?? {})) {
        // KubernetesObjectApi reads /apis/<group>/<version> to find a kind's resource, and
        // refuses a kind that the version does not serve.
        const listed = await t.objects
          .list(groupVersion, kind, 'default')
          .then(() => true)
          .catch(() => false);
        if (listed) {
          (served[group.name][kind] ??= []).push(version);
        }
      }
    }
  }
  for (const kinds of Object.values(served)) {
    Object.values(kinds).forEach(versions => versions.sort());
  }
  return served;
}

async function discoveryDocument(t: TestCluster, path_: string): Promise<any> {
  const response = await fetch(`${t.url}${path_}`);
  return response.json();
}

describe('Cluster API: discovery of the built-in CRDs', () => {
  let t: TestCluster;

  beforeAll(async () => {
    t = await startTestCluster({
      clusters: ['mgmt', 'plain'],
      clusterApi: ['mgmt'],
      cluster: { controllers: FAST_CONTROLLERS },
    });
  });

  afterAll(async () => {
    await t.sim.stop();
  });

  it('serves each kind at the versions its provider serves', async () => {
    expect(await servedVersions(t)).toEqual(SERVED);
  });

  it('prefers the newest version of each group', async () => {
    const groups = await t.config.makeApiClient(t.k8s.ApisApi).getAPIVersions();
    const byName = Object.fromEntries(groups.groups.map(g => [g.name, g]));

    expect(byName['cluster.x-k8s.io'].preferredVersion?.version).toBe(
      'v1beta2',
    );
    expect(
      byName['infrastructure.cluster.x-k8s.io'].versions.map(v => v.version),
    ).toEqual(['v1beta3', 'v1beta2', 'v1beta1']);
    expect(
      byName['infrastructure.cluster.x-k8s.io'].preferredVersion?.version,
    ).toBe('v1beta3');
  });

  it('lists the status subresource and the short names of the kinds', async () => {
    const list = await discoveryDocument(t, '/apis/cluster.x-k8s.io/v1beta2');
    const names = list.resources.map((r: any) => r.name);

    expect(names).toEqual(
      expect.arrayContaining([
        'clusters',
        'clusters/status',
        'machinedeployments/status',
        'clusterclasses',
      ]),
    );
    expect(
      list.resources.find((r: any) => r.name === 'clusters'),
    ).toMatchObject({ kind: 'Cluster', namespaced: true, shortNames: ['cl'] });
  });

  it('keeps any fields, as the simulated CRDs preserve unknown fields', async () => {
    await t.objects.create({
      ...capiCluster('loose'),
      spec: { anything: { goes: ['here'] } },
    } as k8s.KubernetesObject);

    const stored = await t.objects.read<any>({
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: { name: 'loose', namespace: 'default' },
    });
    expect(stored.spec).toEqual({ anything: { goes: ['here'] } });
  });

  it('serves no Cluster API on a cluster that is not a management cluster', async () => {
    const response = await fetch(`${t.sim.cluster('plain').url}/apis`);
    const groups = (await response.json()).groups.map((g: any) => g.name);

    expect(groups).not.toContain('cluster.x-k8s.io');
    expect(t.sim.cluster('plain').clusterApi).toBeUndefined();
  });
});

const describeWithUpstreamCrds = hasUpstreamCrds ? describe : describe.skip;

describeWithUpstreamCrds(
  hasUpstreamCrds
    ? 'Cluster API with the upstream CRDs loaded'
    : `Cluster API with the upstream CRDs loaded (skipped: ${UPSTREAM_CRDS} is absent)`,
  () => {
    let t: TestCluster;

    beforeAll(async () => {
      t = await startTestCluster({
        clusters: ['mgmt'],
        clusterApi: ['mgmt'],
        crdPaths: [
          'cluster.x-k8s.io_clusters.yaml',
          'cluster.x-k8s.io_machinedeployments.yaml',
          'controlplane.cluster.x-k8s.io_kubeadmcontrolplanes.yaml',
          'infrastructure.cluster.x-k8s.io_awsclusters.yaml',
        ].map(file => path.join(UPSTREAM_CRDS, file)),
        cluster: {
          controllers: { ...FAST_CONTROLLERS, clusterApiProvisionMs: 300 },
        },
      });
    });

    afterAll(async () => {
      await t.sim.stop();
    });

    it('serves a loaded kind at the versions its CRD serves, the others as built in', async () => {
      const served = await servedVersions(t);

      // The upstream AWSCluster CRD no longer serves v1beta1.
      expect(served['infrastructure.cluster.x-k8s.io'].AWSCluster).toEqual([
        'v1beta2',
      ]);
      expect(served['infrastructure.cluster.x-k8s.io'].DockerCluster).toEqual(
        BOTH,
      );
      expect(served['cluster.x-k8s.io'].Cluster).toEqual(BOTH);
    });

    it('refuses a Cluster that the upstream schema rejects, naming the field', async () => {
      const cluster = capiCluster('bad', {
        controlPlaneRef: {
          apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
          kind: 'KubeadmControlPlane',
          name: 'bad-control-plane',
        },
      });

      const status = await statusOf(t.objects.create(cluster));

      expect(status).toMatchObject({
        httpCode: 422,
        reason: 'Invalid',
        details: {
          kind: 'Cluster',
          causes: expect.arrayContaining([
            expect.objectContaining({
              field: 'spec.controlPlaneRef.apiVersion',
            }),
          ]),
        },
      });
    });

    it('writes statuses that the upstream v1beta2 schemas accept', async () => {
      await createAll(t.objects, [
        dockerCluster('real'),
        kubeadmControlPlane('real', 1, 'v1.31.2'),
        machineDeployment('real', 'real-md-0', 1, 'v1.31.2'),
        capiCluster('real'),
      ]);
      const mgmt = t.sim.cluster('mgmt');
      const stored = (group: string, plural: string, name: string) => {
        const type = mgmt.registry.find(group, 'v1beta2', plural)!;
        return { type, object: mgmt.store.get(type, 'default', name)! };
      };
      await eventually(
        () =>
          stored('cluster.x-k8s.io', 'machinedeployments', 'real-md-0').object
            .status?.phase === 'Running',
        'the MachineDeployment to run',
      );

      for (const [group, plural, name] of [
        ['cluster.x-k8s.io', 'clusters', 'real'],
        ['cluster.x-k8s.io', 'machinedeployments', 'real-md-0'],
        [
          'controlplane.cluster.x-k8s.io',
          'kubeadmcontrolplanes',
          'real-control-plane',
        ],
      ]) {
        const { type, object } = stored(group, plural, name);
        expect(object.status).toBeDefined();
        expect({ [plural]: type.validate!(object) }).toEqual({ [plural]: [] });
      }
    });
  },
);
