import type * as k8s from '@kubernetes/client-node';
import {
  capiCluster,
  createAll,
  dockerCluster,
  kubeadmControlPlane,
  machineDeployment,
} from './__testUtils__/clusterApiObjects';
import {
  eventually,
  FAST_CONTROLLERS,
  startTestCluster,
  TestCluster,
} from './__testUtils__/testCluster';

jest.setTimeout(60_000);

const ADDONS = 'addons.cluster.x-k8s.io/v1alpha1';
const CAPI = 'cluster.x-k8s.io/v1beta2';

describe('Cluster API after day one: add-ons through CAAPH and replaced machines', () => {
  let t: TestCluster;

  beforeAll(async () => {
    t = await startTestCluster({
      clusters: ['mgmt'],
      clusterApi: ['mgmt'],
      cluster: {
        controllers: { ...FAST_CONTROLLERS, clusterApiProvisionMs: 300 },
        bookmarkIntervalMs: 100,
      },
    });
    await createAll(t.objects, [
      dockerCluster('day2'),
      kubeadmControlPlane('day2', 1, 'v1.31.2'),
      machineDeployment('day2', 'day2-md-0', 2, 'v1.31.2'),
      capiCluster('day2'),
    ]);
    await eventually(async () => {
      const cluster = await readObject('Cluster', 'day2', CAPI);
      return cluster.status?.workers?.readyReplicas === 2;
    }, 'day2 to run its workers');
  });

  afterAll(async () => {
    await t.sim.stop();
  });

  function readObject(kind: string, name: string, apiVersion: string) {
    return t.objects.read<any>({
      apiVersion,
      kind,
      metadata: { name, namespace: 'default' },
    });
  }

  async function list(
    kind: string,
    apiVersion: string,
    labelSelector?: string,
  ) {
    const result = await t.objects.list<any>(
      apiVersion,
      kind,
      'default',
      undefined,
      undefined,
      undefined,
      undefined,
      labelSelector,
    );
    return result.items;
  }

  const mergePatch = (body: k8s.KubernetesObject) =>
    t.objects.patch(
      body,
      undefined,
      undefined,
      undefined,
      undefined,
      t.k8s.PatchStrategy.MergePatch,
    );

  const releasesOfDay2 = () =>
    list('HelmReleaseProxy', ADDONS, 'cluster.x-k8s.io/cluster-name=day2');

  describe('a HelmChartProxy', () => {
    it('serves HelmChartProxy and HelmReleaseProxy with their short names', async () => {
      const resources = await t.config
        .makeApiClient(t.k8s.CustomObjectsApi)
        .getAPIResources({
          group: 'addons.cluster.x-k8s.io',
          version: 'v1alpha1',
        });
      expect(resources.resources.map(r => [r.name, r.shortNames])).toEqual(
        expect.arrayContaining([
          ['helmchartproxies', ['hcp']],
          ['helmreleaseproxies', ['hrp']],
        ]),
      );
    });

    it('installs its chart on a Cluster once the Cluster carries the selected label', async () => {
      await t.objects.create({
        apiVersion: ADDONS,
        kind: 'HelmChartProxy',
        metadata: { name: 'calico', namespace: 'default' },
        spec: {
          clusterSelector: { matchLabels: { 'addons.example/calico': 'on' } },
          repoURL: 'https://docs.tigera.io/calico/charts',
          chartName: 'tigera-operator',
          version: 'v3.29.1',
          namespace: 'tigera-operator',
          valuesTemplate:
            'installation:\n  cni:\n    type: Calico\nclusterName: {{ .Cluster.metadata.name }}\n',
        },
      } as any);
      await new Promise(resolve => setTimeout(resolve, 100));
      expect(await releasesOfDay2()).toEqual([]);

      await mergePatch({
        apiVersion: CAPI,
        kind: 'Cluster',
        metadata: {
          name: 'day2',
          namespace: 'default',
          labels: { 'addons.example/calico': 'on' },
        },
      });
      const release = await eventually(async () => {
        const [r] = await releasesOfDay2();
        return r?.status?.status === 'deployed' ? r : undefined;
      }, 'the calico release to be deployed');

      expect(release.metadata.labels).toEqual({
        'cluster.x-k8s.io/cluster-name': 'day2',
        'helmreleaseproxy.addons.cluster.x-k8s.io/helmchartproxy-name':
          'calico',
      });
      expect(release.spec).toMatchObject({
        clusterRef: { kind: 'Cluster', name: 'day2', namespace: 'default' },
        chartName: 'tigera-operator',
        version: 'v3.29.1',
        namespace: 'tigera-operator',
        values: expect.stringContaining('clusterName: day2'),
      });
      expect(release.status).toMatchObject({ revision: 1 });
      expect(
        release.status.conditions.find((c: any) => c.type === 'Ready'),
      ).toMatchObject({ status: 'True' });
      const proxy = await eventually(async () => {
        const p = await readObject('HelmChartProxy', 'calico', ADDONS);
        return p.status?.conditions?.[0]?.status === 'True' ? p : undefined;
      }, 'the chart proxy to be Ready');
      expect(proxy.status.matchingClusters).toEqual([
        expect.objectContaining({ kind: 'Cluster', name: 'day2' }),
      ]);
    });

    it('upgrades the release to a new revision when the chart version changes', async () => {
      await mergePatch({
        apiVersion: ADDONS,
        kind: 'HelmChartProxy',
        metadata: { name: 'calico', namespace: 'default' },
        spec: { version: 'v3.30.0' },
      } as any);
      const release = await eventually(async () => {
        const [r] = await releasesOfDay2();
        return r?.status?.revision === 2 ? r : undefined;
      }, 'revision 2');
      expect(release.spec.version).toBe('v3.30.0');
      expect(release.status.status).toBe('deployed');
    });

    it('uninstalls the release when the Cluster is no longer selected', async () => {
      await mergePatch({
        apiVersion: CAPI,
        kind: 'Cluster',
        metadata: {
          name: 'day2',
          namespace: 'default',
          labels: { 'addons.example/calico': null } as any,
        },
      });
      await eventually(
        async () => (await releasesOfDay2()).length === 0,
        'the release to go',
      );
    });
  });

  describe('a deleted Machine', () => {
    it('takes its node away and a new machine of the same pool replaces it', async () => {
      const workload = t.sim.cluster('day2');
      const workers = await list(
        'Machine',
        CAPI,
        'cluster.x-k8s.io/deployment-name=day2-md-0',
      );
      expect(workers).toHaveLength(2);
      const doomed = workers[0].metadata.name;

      await t.objects.delete({
        apiVersion: CAPI,
        kind: 'Machine',
        metadata: { name: doomed, namespace: 'default' },
      });

      const replaced = await eventually(async () => {
        const machines = await list(
          'Machine',
          CAPI,
          'cluster.x-k8s.io/deployment-name=day2-md-0',
        );
        const names = machines.map(m => m.metadata.name);
        return machines.length === 2 && !names.includes(doomed)
          ? names
          : undefined;
      }, 'a replacement machine');
      const nodes = workload.store
        .list(workload.registry.find('', 'v1', 'nodes')!)
        .map(n => n.metadata.name);
      expect(nodes).not.toContain(doomed);
      expect(nodes).toEqual(expect.arrayContaining(replaced));
      const events = await t.core.listNamespacedEvent({ namespace: 'default' });
      expect(
        events.items.find(e => e.reason === 'MachineReplaced')?.message,
      ).toContain(`Machine ${doomed} was deleted`);
    });
  });
  describe('a deleted node pool', () => {
    it('takes its machines and nodes away without replacing them', async () => {
      await createAll(t.objects, [
        machineDeployment('day2', 'day2-md-extra', 1, 'v1.31.2'),
      ]);
      const [machine] = await eventually(async () => {
        const machines = await list(
          'Machine',
          CAPI,
          'cluster.x-k8s.io/deployment-name=day2-md-extra',
        );
        return machines.length === 1 ? machines : undefined;
      }, 'the extra pool to run a machine');

      await t.objects.delete({
        apiVersion: CAPI,
        kind: 'MachineDeployment',
        metadata: { name: 'day2-md-extra', namespace: 'default' },
      });

      await eventually(async () => {
        const machines = await list(
          'Machine',
          CAPI,
          'cluster.x-k8s.io/deployment-name=day2-md-extra',
        );
        return machines.length === 0;
      }, 'the machine to go');
      const nodes = t.sim
        .cluster('day2')
        .store.list(t.sim.cluster('day2').registry.find('', 'v1', 'nodes')!)
        .map(n => n.metadata.name);
      expect(nodes).not.toContain(machine.metadata.name);
      const events = await t.core.listNamespacedEvent({ namespace: 'default' });
      const about = events.items.filter(e =>
        e.message?.includes(machine.metadata.name),
      );
      expect(about.map(e => e.reason)).toContain('MachineDeleted');
      expect(about.map(e => e.reason)).not.toContain('MachineReplaced');
    });
  });
});
