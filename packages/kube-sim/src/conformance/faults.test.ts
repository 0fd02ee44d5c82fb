import path from 'node:path';
import { seedManifestDirectory } from '../seed/seedManifests';
import {
  eventually,
  startTestCluster,
  statusOf,
  TestCluster,
} from './__testUtils__/testCluster';

jest.setTimeout(30_000);

const repoRoot = path.resolve(__dirname, '../../../..');

describe('faults on demand', () => {
  let t: TestCluster;

  beforeAll(async () => {
    t = await startTestCluster({ cluster: { controllers: false } });
  });

  afterAll(async () => {
    await t.sim.stop();
  });

  afterEach(() => {
    t.sim.cluster('test').setFaults({});
  });

  it('adds latency to every request', async () => {
    t.sim.cluster('test').setFaults({ latencyMs: 150 });
    const started = Date.now();
    await t.core.listNamespace();
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it.each([
    [503, 'ServiceUnavailable'],
    [500, 'InternalError'],
    [429, 'TooManyRequests'],
  ] as const)(
    'answers with %i %s at the configured rate',
    async (code, reason) => {
      t.sim.cluster('test').setFaults({ errorRate: 1, errorCode: code });
      const response = await fetch(`${t.url}/api/v1/namespaces`);
      expect(response.status).toBe(code);
      expect(await response.json()).toMatchObject({
        kind: 'Status',
        reason,
        code,
      });
      expect((await statusOf(t.core.listNamespace())).httpCode).toBe(code);
    },
  );

  it('delays only changes, and makes them even when the client gave up', async () => {
    t.sim.cluster('test').setFaults({ writeLatencyMs: 300 });
    let started = Date.now();
    await t.core.listNamespace();
    expect(Date.now() - started).toBeLessThan(300);
    started = Date.now();
    const abort = new AbortController();
    const created = fetch(`${t.url}/api/v1/namespaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'late' },
      }),
      signal: abort.signal,
    }).catch(() => 'aborted');
    setTimeout(() => abort.abort(), 50);
    expect(await created).toBe('aborted');
    await eventually(
      async () =>
        (
          await t.core.listNamespace()
        ).items.some(n => n.metadata?.name === 'late'),
      'the namespace created after the client gave up',
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('fails every change after the first N', async () => {
    t.sim.cluster('test').setFaults({ failWritesAfter: 1, errorCode: 500 });
    await t.core.createNamespace({ body: { metadata: { name: 'first' } } });
    expect(
      (
        await statusOf(
          t.core.createNamespace({ body: { metadata: { name: 'second' } } }),
        )
      ).httpCode,
    ).toBe(500);
    expect((await t.core.listNamespace()).items.length).toBeGreaterThan(0);
  });

  it('asks clients to retry after a second on 429', async () => {
    t.sim.cluster('test').setFaults({ errorRate: 1, errorCode: 429 });
    const response = await fetch(`${t.url}/api/v1/namespaces`);
    expect(response.headers.get('retry-after')).toBe('1');
  });

  it('fails only some requests at a partial rate', async () => {
    t.sim.cluster('test').setFaults({ errorRate: 0.5 });
    const codes = await Promise.all(
      Array.from({ length: 60 }, () =>
        fetch(`${t.url}/version`).then(r => r.status),
      ),
    );
    expect(codes.filter(c => c === 503).length).toBeGreaterThan(5);
    expect(codes.filter(c => c === 200).length).toBeGreaterThan(5);
  });

  it('drops watches after the configured time', async () => {
    t.sim.cluster('test').setFaults({ dropWatchesAfterMs: 100 });
    let ended = false;
    await new t.k8s.Watch(t.config).watch(
      '/api/v1/namespaces',
      {},
      () => {},
      () => {
        ended = true;
      },
    );
    expect(await eventually(() => ended, 'the watch to be cut')).toBe(true);
  });

  it('drops every open watch on demand', async () => {
    let ended = false;
    await new t.k8s.Watch(t.config).watch(
      '/api/v1/configmaps',
      {},
      () => {},
      () => {
        ended = true;
      },
    );
    t.sim.cluster('test').dropWatches();
    expect(await eventually(() => ended, 'the watch to be cut')).toBe(true);
  });

  it('stops answering when down, and answers again when back', async () => {
    t.sim.cluster('test').setFaults({ down: true });
    const hung = await fetch(`${t.url}/version`, {
      signal: AbortSignal.timeout(300),
    }).then(
      () => 'answered',
      error => error.name,
    );
    expect(hung).toBe('TimeoutError');
    t.sim.cluster('test').setFaults({});
    expect((await fetch(`${t.url}/version`)).status).toBe(200);
  });

  it('takes fault settings at run time over HTTP and refuses bad ones', async () => {
    const put = (body: unknown) =>
      fetch(`${t.url}/kube-sim/faults`, {
        method: 'PUT',
        body: JSON.stringify(body),
      });
    expect(await (await put({ latencyMs: 5, errorRate: 0 })).json()).toEqual({
      latencyMs: 5,
      errorRate: 0,
    });
    expect(t.sim.cluster('test').getFaults()).toEqual({
      latencyMs: 5,
      errorRate: 0,
    });
    const bad = await put({ errorRate: 2, errorCode: 404, slow: true });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe(
      'invalid fault settings: slow: not a known fault; expected one of latencyMs, errorRate, errorCode, dropWatchesAfterMs, down, writeLatencyMs, failWritesAfter; errorRate: expected a number from 0 to 1, got 2; errorCode: expected 500, 503 or 429, got 404',
    );
  });
});

describe('several clusters', () => {
  it("serves each cluster on consecutive ports and seeds the demo's rendered manifests into the right one", async () => {
    const t = await startTestCluster({ clusters: ['dev', 'prod'], port: 0 });
    try {
      const report = await seedManifestDirectory(
        t.sim,
        path.join(repoRoot, 'test/fixtures/demo-manifests'),
      );
      expect(report.skipped).toEqual([]);
      expect(report.deployed).toContainEqual({
        cluster: 'prod',
        namespace: 'payments-prod',
        server: 'payments-api',
        kind: 'Deployment',
      });
      expect(report.deployed).toContainEqual({
        cluster: 'dev',
        namespace: 'payments-dev',
        server: 'payments-api-dev',
        kind: 'Deployment',
      });
      const prod = t.sim.cluster('prod');
      const deployments = prod.registry.find('apps', 'v1', 'deployments')!;
      const api = prod.store.get(deployments, 'payments-prod', 'payments-api')!;
      expect(api.metadata.labels).toMatchObject({
        'app.kubernetes.io/managed-by': 'cocktail',
        'cocktailcloud.io/service': 'payments',
        'cocktailcloud.io/service-map': 'payments-prod',
        'cocktailcloud.io/server': 'payments-api',
        'backstage.io/kubernetes-id': 'payments-api',
      });
      expect(
        t.sim
          .cluster('dev')
          .store.get(deployments, 'payments-prod', 'payments-api'),
      ).toBeUndefined();
    } finally {
      await t.sim.stop();
    }
  });

  it('starts on consecutive ports from the one given', async () => {
    const { KubeSim } = await import('../KubeSim');
    const sim = await KubeSim.start({
      clusters: ['a', 'b', 'c'],
      port: 28443,
      cluster: { controllers: false },
    });
    try {
      expect(sim.urls()).toEqual({
        a: 'http://127.0.0.1:28443',
        b: 'http://127.0.0.1:28444',
        c: 'http://127.0.0.1:28445',
      });
    } finally {
      await sim.stop();
    }
  });
});
