import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseAccessGrantStore } from './DatabaseAccessGrantStore';
import { StoredAccessGrant } from './types';

jest.setTimeout(60_000);

const grant = (id: string, expiresAt: string): StoredAccessGrant => ({
  id,
  scope: 'namespace',
  entityRef: 'servicemap:default/payments-dev',
  serviceRef: 'service:default/payments',
  cluster: 'dev',
  namespace: 'payments-dev',
  userRef: 'user:default/bob',
  role: 'edit',
  reason: 'debug a failing job',
  serviceAccount: `cocktail-access-bob-${id.slice(0, 8)}`,
  tokenFingerprint: '0123456789abcdef',
  createdAt: '2026-12-06T10:00:00.000Z',
  expiresAt,
});

describe.each(TestDatabases.create().eachSupportedId())(
  'DatabaseAccessGrantStore (%s)',
  databaseId => {
    const databases = TestDatabases.create({ ids: [databaseId] });

    async function createStore() {
      const knex = await databases.init(databaseId);
      return DatabaseAccessGrantStore.create({
        database: mockServices.database({ knex }),
      });
    }

    it('keeps a grant as given and lists it while it has not ended', async () => {
      const store = await createStore();
      const early = grant(
        'aaaaaaaa-0000-4000-8000-000000000001',
        '2026-12-06T10:10:00.000Z',
      );
      await store.insert(early);
      expect(await store.get(early.id)).toEqual(early);
      expect(await store.listActive(early.entityRef)).toEqual([early]);
      expect(await store.listActive('servicemap:default/other')).toEqual([]);
    });

    it('keeps a cluster-wide grant without a Service, and lists it on the cluster only', async () => {
      const store = await createStore();
      const { serviceRef: _serviceRef, ...namespaceGrant } = grant(
        'aaaaaaaa-0000-4000-8000-000000000004',
        '2026-12-06T10:30:00.000Z',
      );
      const clusterWide = {
        ...namespaceGrant,
        scope: 'cluster' as const,
        entityRef: 'resource:default/dev',
        namespace: 'kube-system',
        role: 'view' as const,
      };
      await store.insert(clusterWide);
      expect(await store.get(clusterWide.id)).toEqual(clusterWide);
      expect(await store.listActive('resource:default/dev')).toEqual([
        clusterWide,
      ]);
    });

    it('finds the expired grants, ends each once, and keeps the ended row', async () => {
      const store = await createStore();
      const early = grant(
        'aaaaaaaa-0000-4000-8000-000000000002',
        '2026-12-06T10:10:00.000Z',
      );
      const late = grant(
        'aaaaaaaa-0000-4000-8000-000000000003',
        '2026-12-06T18:00:00.000Z',
      );
      await store.insert(early);
      await store.insert(late);
      const expired = await store.listExpired(new Date('2026-12-06T11:00:00Z'));
      expect(expired.map(g => g.id)).toEqual([early.id]);
      const ending = {
        endedAt: new Date('2026-12-06T11:00:00Z'),
        endedBy: 'plugin:cocktail/access-sweep',
        endReason: 'expired' as const,
      };
      expect(await store.end(early.id, ending)).toBe(true);
      expect(await store.end(early.id, ending)).toBe(false);
      expect(await store.get(early.id)).toMatchObject({
        endedAt: '2026-12-06T11:00:00.000Z',
        endReason: 'expired',
      });
      expect((await store.listActive(early.entityRef)).map(g => g.id)).toEqual([
        late.id,
      ]);
      expect(await store.listExpired(new Date('2026-12-06T11:00:00Z'))).toEqual(
        [],
      );
    });
  },
);
