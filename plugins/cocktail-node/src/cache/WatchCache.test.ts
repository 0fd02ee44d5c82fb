import { mockServices } from '@backstage/backend-test-utils';
import {
  FakeResourceClient,
  httpError,
} from './__testUtils__/FakeResourceClient';
import { WatchCache } from './WatchCache';
import { WATCHED_RESOURCES } from './watchedResources';

async function eventually(check: () => boolean, what: string) {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

function pod(name: string, namespace: string) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      uid: `${namespace}/${name}`,
      resourceVersion: '1',
    },
    status: { phase: 'Running' },
  };
}

describe('WatchCache heals', () => {
  let cache: WatchCache | undefined;
  let clients: Map<string, FakeResourceClient>;

  beforeEach(() => {
    clients = new Map(
      WATCHED_RESOURCES.map(r => [r.kind, new FakeResourceClient()]),
    );
  });
  afterEach(() => cache?.stop());

  function start(
    options: Partial<ConstructorParameters<typeof WatchCache>[0]> = {},
  ) {
    cache = new WatchCache({
      logger: mockServices.logger.mock(),
      backoffMs: 20,
      clientFor: async (_cluster, resource) => clients.get(resource.kind)!,
      maintenanceMs: 60_000,
      ...options,
    });
    return cache;
  }

  it('retries a cluster whose client cannot be made yet, and syncs once it can', async () => {
    let attempts = 0;
    start({
      clientFor: async (cluster, resource) => {
        attempts += 1;
        if (attempts <= WATCHED_RESOURCES.length) {
          throw new Error(`no cluster named ${cluster} in the registry`);
        }
        return clients.get(resource.kind)!;
      },
    });
    expect(cache!.read('late').state.synced).toBe(false);
    await eventually(() => !!cache!.read('late').state.error, 'the error');
    expect(cache!.read('late').state.error).toMatch(
      /^\w+s: cannot connect: no cluster named late in the registry; retrying in 20 ms$/,
    );
    await cache!.waitForSync('late', 3_000);
    expect(cache!.read('late').state).toMatchObject({
      synced: true,
      stale: false,
    });
  });

  it('makes the client again after 401, so renewed credentials are used', async () => {
    const made: number[] = [];
    start({
      clientFor: async (_cluster, resource) => {
        if (resource.kind === 'Pod') {
          made.push(Date.now());
        }
        return clients.get(resource.kind)!;
      },
    });
    clients.get('Pod')!.listErrors = [httpError(401, 'Unauthorized')];
    await cache!.waitForSync('prod', 3_000);
    expect(made).toHaveLength(2);
    // 403 on a watch does the same.
    clients.get('Pod')!.watchErrors = [httpError(403, 'forbidden')];
    clients.get('Pod')!.end(httpError(403, 'forbidden'));
    await eventually(() => made.length >= 3, 'the client made again');
  });

  it('says why a cluster is stale in words, not "Premature close"', async () => {
    start();
    await cache!.waitForSync('prod', 3_000);
    clients.get('Pod')!.watchErrors = [new Error('Premature close')];
    clients.get('Pod')!.end(new Error('Premature close'));
    await eventually(() => !!cache!.read('prod').state.error, 'the error');
    expect(cache!.read('prod').state.error).toMatch(
      /^Pods: watch failed: the connection was cut before the answer was complete; retrying in \d+ ms$/,
    );
  });

  it('backs off when watches keep ending as soon as they start, cleanly or with 410', async () => {
    start({ backoffMs: 400 });
    await cache!.waitForSync('prod', 3_000);
    const pods = clients.get('Pod')!;
    const watchesBefore = pods.watchCalls;
    pods.end(); // a first quick clean close: resumed at once
    await eventually(
      () => pods.watchCalls === watchesBefore + 1,
      'the resumed watch',
    );
    pods.end(httpError(410, 'too old resource version')); // again at once: now it waits
    await new Promise(resolve => setTimeout(resolve, 150));
    expect(pods.watchCalls).toBe(watchesBefore + 1);
    expect(cache!.read('prod').state.error).toMatch(
      /^Pods: the watch keeps ending as soon as it starts \(2 times in a row, 410 Gone\); retrying in 400 ms$/,
    );
    await eventually(
      () => pods.watchCalls === watchesBefore + 2,
      'the watch after the backoff',
    );
    expect(pods.listCalls).toBe(2); // 410 lists again
  });

  it('keeps only the namespaces of known ServiceMaps, and lists again when they change', async () => {
    let namespaces = ['payments-prod'];
    start({ namespacesOf: async () => namespaces });
    clients.get('Pod')!.items = [
      pod('a', 'payments-prod'),
      pod('b', 'kube-system'),
    ];
    await cache!.waitForSync('prod', 3_000);
    const names = () =>
      ['payments-prod', 'kube-system', 'other']
        .flatMap(namespace => cache!.read('prod').cache.find('Pod', namespace))
        .map(p => p.metadata.name)
        .sort();
    expect(names()).toEqual(['a']);
    clients.get('Pod')!.open!.onEvent('ADDED', pod('c', 'other'));
    expect(names()).toEqual(['a']);
    namespaces = ['payments-prod', 'kube-system'];
    await cache!.maintain();
    await eventually(() => names().length === 2, 'the relist');
    expect(names()).toEqual(['a', 'b']);
  });

  it('keeps a namespace asked about at once, before the next check', async () => {
    start({ namespacesOf: async () => ['payments-prod'] });
    clients.get('Pod')!.items = [
      pod('a', 'payments-prod'),
      pod('n', 'new-map'),
    ];
    await cache!.waitForSync('prod', 3_000);
    expect(cache!.read('prod').cache.find('Pod', 'new-map')).toEqual([]);
    await cache!.watchNamespace('prod', 'new-map');
    expect(
      cache!
        .read('prod')
        .cache.find('Pod', 'new-map')
        .map(p => p.metadata.name),
    ).toEqual(['n']);
  });

  it('stops the watches of a cluster that left the registry', async () => {
    let known = ['prod'];
    start({ knownClusters: async () => known });
    await cache!.waitForSync('prod', 3_000);
    expect(clients.get('Pod')!.open).toBeDefined();
    known = [];
    await cache!.maintain();
    expect(clients.get('Pod')!.open).toBeUndefined();
  });
});
