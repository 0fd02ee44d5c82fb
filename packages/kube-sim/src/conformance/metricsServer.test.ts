import {
  startTestCluster,
  statusOf,
  TestCluster,
} from './__testUtils__/testCluster';

jest.setTimeout(30_000);

describe('a cluster without metrics-server', () => {
  let t: TestCluster;

  beforeAll(async () => {
    t = await startTestCluster({ cluster: { metricsServer: false } });
  });

  afterAll(async () => {
    await t.sim.stop();
  });

  it('leaves metrics.k8s.io out of discovery and answers 404 for pod metrics', async () => {
    const groups = await t.config.makeApiClient(t.k8s.ApisApi).getAPIVersions();
    expect(groups.groups.map(g => g.name)).not.toContain('metrics.k8s.io');
    const status = await statusOf(
      t.config
        .makeApiClient(t.k8s.CustomObjectsApi)
        .listNamespacedCustomObject({
          group: 'metrics.k8s.io',
          version: 'v1beta1',
          namespace: 'default',
          plural: 'pods',
        }),
    );
    expect(status.httpCode).toBe(404);
  });
});
