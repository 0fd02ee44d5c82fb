import {
  eventually,
  startTestCluster,
  TestCluster,
} from './__testUtils__/testCluster';

jest.setTimeout(30_000);

type Seen = Array<{ type: string; name?: string; resourceVersion?: string }>;

describe('watches through @kubernetes/client-node', () => {
  let t: TestCluster;

  beforeAll(async () => {
    t = await startTestCluster({
      cluster: {
        controllers: false,
        historyLimit: 40,
        bookmarkIntervalMs: 100,
      },
    });
  });

  afterAll(async () => {
    await t.sim.stop();
  });

  async function watch(
    path: string,
    query: Record<string, string | boolean>,
    seen: Seen,
  ) {
    let ended: unknown = 'open';
    const controller = await new t.k8s.Watch(t.config).watch(
      path,
      query,
      (type, object) =>
        seen.push({
          type,
          name: object?.metadata?.name,
          resourceVersion: object?.metadata?.resourceVersion,
        }),
      error => {
        ended = error ?? null;
      },
    );
    return { controller, ended: () => ended };
  }

  const configMap = (name: string, labels: Record<string, string> = {}) => ({
    metadata: { name, labels },
  });

  it('streams ADDED, MODIFIED and DELETED with the selectors applied', async () => {
    const seen: Seen = [];
    const w = await watch(
      '/api/v1/namespaces/default/configmaps',
      { labelSelector: 'watched=yes' },
      seen,
    );
    await t.core.createNamespacedConfigMap({
      namespace: 'default',
      body: configMap('w1', { watched: 'yes' }),
    });
    await t.core.createNamespacedConfigMap({
      namespace: 'default',
      body: configMap('ignored'),
    });
    await t.core.patchNamespacedConfigMap(
      { name: 'w1', namespace: 'default', body: { data: { a: 'b' } } },
      t.k8s.setHeaderOptions('Content-Type', t.k8s.PatchStrategy.MergePatch),
    );
    await t.core.deleteNamespacedConfigMap({
      name: 'w1',
      namespace: 'default',
    });
    await eventually(() => seen.length >= 3, 'three events');
    expect(seen.map(e => `${e.type} ${e.name}`)).toEqual([
      'ADDED w1',
      'MODIFIED w1',
      'DELETED w1',
    ]);
    w.controller.abort();
  });

  it('sends DELETED when an object stops matching the selector', async () => {
    await t.core.createNamespacedConfigMap({
      namespace: 'default',
      body: configMap('leaving', { watched: 'yes' }),
    });
    const seen: Seen = [];
    const w = await watch(
      '/api/v1/namespaces/default/configmaps',
      { labelSelector: 'watched=yes' },
      seen,
    );
    await eventually(() => seen.length >= 1, 'the initial ADDED');
    await t.core.patchNamespacedConfigMap(
      {
        name: 'leaving',
        namespace: 'default',
        body: { metadata: { labels: { watched: 'no' } } },
      },
      t.k8s.setHeaderOptions('Content-Type', t.k8s.PatchStrategy.MergePatch),
    );
    await eventually(() => seen.length >= 2, 'the DELETED');
    expect(seen.map(e => `${e.type} ${e.name}`)).toEqual([
      'ADDED leaving',
      'DELETED leaving',
    ]);
    w.controller.abort();
  });

  it('resumes from a resourceVersion, replaying what happened since', async () => {
    const list = await t.core.listNamespacedConfigMap({ namespace: 'default' });
    const from = list.metadata!.resourceVersion!;
    await t.core.createNamespacedConfigMap({
      namespace: 'default',
      body: configMap('after-list'),
    });
    const seen: Seen = [];
    const w = await watch(
      '/api/v1/namespaces/default/configmaps',
      { resourceVersion: from },
      seen,
    );
    await eventually(
      () => seen.some(e => e.name === 'after-list'),
      'the replayed event',
    );
    expect(
      seen.filter(e => e.type !== 'BOOKMARK').map(e => `${e.type} ${e.name}`),
    ).toEqual(['ADDED after-list']);
    w.controller.abort();
  });

  it('sends bookmarks with the current resourceVersion when asked', async () => {
    const seen: Seen = [];
    const w = await watch(
      '/api/v1/namespaces/default/configmaps',
      {
        allowWatchBookmarks: true,
        resourceVersion: String(
          t.sim.cluster('test').store.currentResourceVersion(),
        ),
      },
      seen,
    );
    await eventually(() => seen.some(e => e.type === 'BOOKMARK'), 'a bookmark');
    expect(
      Number(seen.find(e => e.type === 'BOOKMARK')!.resourceVersion),
    ).toBeGreaterThan(0);
    w.controller.abort();
  });

  it('answers an expired resourceVersion with 410 Gone', async () => {
    for (let i = 0; i < 60; i++) {
      await t.core.createNamespacedConfigMap({
        namespace: 'default',
        body: configMap(`churn-${i}`),
      });
    }
    const seen: any[] = [];
    await new t.k8s.Watch(t.config).watch(
      '/api/v1/namespaces/default/configmaps',
      { resourceVersion: '1' },
      (type, object) => seen.push({ type, object }),
      () => {},
    );
    const error = await eventually(
      () => seen.find(e => e.type === 'ERROR'),
      'the ERROR event',
    );
    expect(error.object).toMatchObject({
      kind: 'Status',
      reason: 'Expired',
      code: 410,
    });
  });

  it('keeps an informer cache in step with adds, updates and deletes', async () => {
    const informer = t.k8s.makeInformer(
      t.config,
      '/api/v1/namespaces/default/secrets',
      () => t.core.listNamespacedSecret({ namespace: 'default' }),
    );
    const events: string[] = [];
    informer.on('add', o => events.push(`add ${o.metadata?.name}`));
    informer.on('update', o => events.push(`update ${o.metadata?.name}`));
    informer.on('delete', o => events.push(`delete ${o.metadata?.name}`));
    await informer.start();
    await t.core.createNamespacedSecret({
      namespace: 'default',
      body: { metadata: { name: 'informed' } },
    });
    await t.core.patchNamespacedSecret(
      {
        name: 'informed',
        namespace: 'default',
        body: { stringData: { k: 'v' } },
      },
      t.k8s.setHeaderOptions('Content-Type', t.k8s.PatchStrategy.MergePatch),
    );
    await t.core.deleteNamespacedSecret({
      name: 'informed',
      namespace: 'default',
    });
    await eventually(() => events.length >= 3, 'the informer events');
    expect(events).toEqual([
      'add informed',
      'update informed',
      'delete informed',
    ]);
    expect(informer.get('informed', 'default')).toBeUndefined();
    await informer.stop();
  });

  it('refuses a watch on an unknown resource with a 404 Status', async () => {
    const response = await fetch(
      `${t.url}/api/v1/namespaces/default/widgets?watch=true`,
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      kind: 'Status',
      reason: 'NotFound',
      code: 404,
    });
  });
});
