import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { KubeSim } from '@cocktailcloud/kube-sim';
import request from 'supertest';
import { cocktailPlugin } from '../plugin';
import path from 'node:path';
import { fakeFleetModule } from './__testUtils__/fakeFleetModule';
import { fakeInfrastructureModule } from './__testUtils__/fakeInfrastructureModule';
import { fakeScannerModule } from './__testUtils__/fakeScannerModule';

jest.setTimeout(60_000);

const FAKE_REPORT = {
  scanner: 'fake-scanner',
  image: 'registry.example.com/team/app:2.0.0',
  time: '2026-12-01T10:00:00Z',
  issues: [
    {
      advisory: 'FAKE-2026-1',
      package: 'libfake',
      version: '1.0',
      level: 'bad',
    },
    {
      advisory: 'FAKE-2026-2',
      package: 'libmeh',
      version: '0.3',
      level: 'meh',
    },
  ],
};

describe('the cocktail plugin extension points', () => {
  async function startWith(features: any[], cocktail: object = {}) {
    return startTestBackend({
      features: [
        cocktailPlugin,
        ...features,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            cocktail: { imageScans: { sync: { enabled: false } }, ...cocktail },
          },
        }),
      ],
    });
  }

  it("reads a module's scan format on upload, detected and named, next to the built-in ones", async () => {
    const backend = await startWith([fakeScannerModule]);
    try {
      const detected = await request(backend.server)
        .post('/api/cocktail/image-scans')
        .send(FAKE_REPORT);
      expect(detected.status).toBe(200);
      expect(detected.body.scan).toMatchObject({
        format: 'fake-scanner',
        scanner: { name: 'fake-scanner', version: '0.1' },
        counts: { CRITICAL: 1, HIGH: 0, MEDIUM: 0, LOW: 1, UNKNOWN: 0 },
      });
      const findings = await request(backend.server).get(
        `/api/cocktail/image-scans/${detected.body.scan.id}/findings`,
      );
      expect(
        findings.body.items.map((f: any) => [f.id, f.packageName, f.severity]),
      ).toEqual([
        ['FAKE-2026-1', 'libfake', 'CRITICAL'],
        ['FAKE-2026-2', 'libmeh', 'LOW'],
      ]);

      const named = await request(backend.server)
        .post('/api/cocktail/image-scans?format=fake-scanner')
        .send({ ...FAKE_REPORT, issues: [{ advisory: 'FAKE-2026-3' }] });
      expect(named.status).toBe(400);
      expect(named.body.error.message).toBe(
        'body: not a Fake Scanner report: issues[0].level: expected a non-empty string, got nothing',
      );

      const unknown = await request(backend.server)
        .post('/api/cocktail/image-scans')
        .send({ hello: 'world' });
      expect(unknown.body.error.message).toContain(
        'SARIF 2.1.0, Trivy JSON (SchemaVersion 2), Grype JSON (matches) or Fake Scanner JSON',
      );
    } finally {
      await backend.stop();
    }
  });

  it('refuses the format without the module, naming the formats there are', async () => {
    const backend = await startWith([]);
    try {
      const response = await request(backend.server)
        .post('/api/cocktail/image-scans?format=fake-scanner')
        .send(FAKE_REPORT);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(
        'format: unknown report format "fake-scanner": expected one of trivy-operator, sarif, trivy, grype',
      );
    } finally {
      await backend.stop();
    }
  });

  it("reaches a module's clusters, and refuses a name another source defines too, naming both", async () => {
    const sim = await KubeSim.start({
      clusters: ['edge-1', 'prod'],
      cluster: { controllers: false },
    });
    const backend = await startWith(
      [
        fakeFleetModule([
          { name: 'edge-1', url: sim.cluster('edge-1').url, token: 'fleet' },
          { name: 'prod', url: sim.cluster('prod').url, token: 'fleet' },
        ]),
      ],
      {
        clusters: [
          { name: 'prod', url: sim.cluster('prod').url, skipTLSVerify: true },
        ],
      },
    );
    try {
      const listed = await request(backend.server).get(
        '/api/cocktail/clusters',
      );
      expect(
        listed.body.items.map((c: any) => [c.name, c.source, c.error]),
      ).toEqual([
        [
          'prod',
          'config',
          'the cluster name "prod" is defined by both the cocktail.clusters entry "prod" and the cluster source "fake-fleet", so neither is used; rename or remove one of them',
        ],
        ['edge-1', 'fake-fleet', undefined],
      ]);
      const edge = await request(backend.server).get(
        '/api/cocktail/clusters/edge-1',
      );
      expect(edge.body).toMatchObject({
        name: 'edge-1',
        provider: 'fake-cloud',
        health: 'reachable',
      });
    } finally {
      await backend.stop();
      await sim.stop();
    }
  });

  describe('Cluster API providers', () => {
    const FAKE_REQUEST = {
      name: 'edge',
      provider: 'fakecloud',
      kubernetesVersion: 'v1.33.1',
      nodePools: [{ name: 'workers', replicas: 2 }],
      providerOptions: { datacenter: 'dc-7' },
    };
    let sim: KubeSim;

    beforeAll(async () => {
      sim = await KubeSim.start({
        clusters: ['mgmt'],
        clusterApi: ['mgmt'],
        crdPaths: [path.join(__dirname, '__testUtils__/fakecloud-crds.yaml')],
        cluster: { controllers: false },
      });
    });
    afterAll(() => sim.stop());

    function startWithManagementCluster(features: any[]) {
      return startWith(features, {
        clusters: [
          { name: 'mgmt', url: sim.cluster('mgmt').url, skipTLSVerify: true },
        ],
        clusterApi: { managementCluster: 'mgmt' },
      });
    }

    it("creates a cluster on a module's infrastructure provider, its defaults and options applied and its kinds on the management cluster", async () => {
      const backend = await startWithManagementCluster([
        fakeInfrastructureModule,
      ]);
      try {
        const missingOption = await request(backend.server)
          .post('/api/cocktail/cluster-api/clusters')
          .send({
            request: { ...FAKE_REQUEST, providerOptions: {} },
            dryRun: true,
          });
        expect(missingOption.status).toBe(400);
        expect(missingOption.body.error.message).toContain(
          'providerOptions.datacenter: is required for fakecloud: the data centre the cluster runs in',
        );

        const created = await request(backend.server)
          .post('/api/cocktail/cluster-api/clusters')
          .send({ request: FAKE_REQUEST });
        expect(created.status).toBe(200);
        expect(created.body.result.objects).toEqual(
          expect.arrayContaining([
            'Cluster/edge',
            'FakeCloudCluster/edge',
            'KubeadmControlPlane/edge-control-plane',
            'FakeCloudMachineTemplate/edge-control-plane',
            'FakeCloudMachineTemplate/edge-workers',
          ]),
        );
        const mgmt = sim.cluster('mgmt');
        const fakeCluster = mgmt.store.get(
          mgmt.registry.byKind(
            'infrastructure.cluster.x-k8s.io/v1alpha1',
            'FakeCloudCluster',
          )!,
          'default',
          'edge',
        );
        expect(fakeCluster?.spec).toEqual({
          datacenter: 'dc-7',
          region: 'north-1',
        });
        const workers = mgmt.store.get(
          mgmt.registry.byKind(
            'infrastructure.cluster.x-k8s.io/v1alpha1',
            'FakeCloudMachineTemplate',
          )!,
          'default',
          'edge-workers',
        );
        expect(workers?.spec.template.spec).toEqual({
          flavor: 'f1.medium',
          role: 'worker',
        });
        const cluster = mgmt.store.get(
          mgmt.registry.byKind('cluster.x-k8s.io/v1beta2', 'Cluster')!,
          'default',
          'edge',
        );
        expect(cluster?.spec.infrastructureRef).toMatchObject({
          kind: 'FakeCloudCluster',
          name: 'edge',
        });
      } finally {
        await backend.stop();
      }
    });

    it('refuses the provider without the module, naming the built-in ones', async () => {
      const backend = await startWithManagementCluster([]);
      try {
        const response = await request(backend.server)
          .post('/api/cocktail/cluster-api/clusters')
          .send({ request: FAKE_REQUEST, dryRun: true });
        expect(response.status).toBe(400);
        expect(response.body.error.message).toContain(
          'request.provider: expected one of aws, eks, azure, aks, gcp, gke, openstack, vsphere, cloudstack, metal3, docker, got the string "fakecloud"',
        );
      } finally {
        await backend.stop();
      }
    });
  });
});
