import { TestDatabases } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { GENESIS_HASH } from './auditHash';
import {
  auditEntry,
  createTestAuditStore,
  nextMillisecond,
} from './__testUtils__/createTestAuditStore';
import { AuditRow } from './types';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())('DatabaseAuditStore (%s)', id => {
  describe('record', () => {
    it('returns the stored row with an id, a timestamp and its hashes', async () => {
      const { store } = await createTestAuditStore(databases, id);
      const before = Date.now();

      const row = await store.record(auditEntry({ error: undefined }));

      expect(row).toEqual({
        id: '1',
        createdAt: expect.any(String),
        actor: 'user:default/alice',
        action: 'server.scale',
        entityRef: 'cocktailserver:default/api',
        cluster: 'prod',
        namespace: 'payments',
        outcome: 'succeeded',
        details: { replicas: 3 },
        previousHash: GENESIS_HASH,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(Date.parse(row.createdAt)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(row.createdAt)).toBeLessThanOrEqual(Date.now());
    });

    it('links each row to the hash of the row before it', async () => {
      const { store } = await createTestAuditStore(databases, id);

      const first = await store.record(auditEntry());
      const second = await store.record(auditEntry());

      expect(second.previousHash).toBe(first.hash);
    });

    it('stores details with secrets redacted', async () => {
      const { store, knex } = await createTestAuditStore(databases, id);

      await store.record(
        auditEntry({
          details: {
            token: 'tok-123',
            spec: {
              auth: { password: 'pw-456' },
              clusters: [{ kubeconfig: 'kc-789' }],
              env: [
                { valueFrom: { secretKeyRef: { name: 'db', key: 'pass' } } },
              ],
            },
          },
        }),
      );

      const [{ details }] = await knex('cocktail_audit_log').select('details');
      expect(JSON.parse(details)).toEqual({
        token: '[redacted]',
        spec: {
          auth: { password: '[redacted]' },
          clusters: [{ kubeconfig: '[redacted]' }],
          env: [{ valueFrom: { secretKeyRef: { name: 'db', key: 'pass' } } }],
        },
      });
    });

    it('rejects an entry with an unknown outcome', async () => {
      const { store } = await createTestAuditStore(databases, id);

      await expect(
        store.record(auditEntry({ outcome: 'maybe' as any })),
      ).rejects.toThrow(InputError);
    });
  });

  describe('query', () => {
    it('returns rows newest first', async () => {
      const { store } = await createTestAuditStore(databases, id);
      const first = await store.record(auditEntry());
      const second = await store.record(auditEntry());

      const page = await store.query({});

      expect(page).toEqual({ items: [second, first] });
    });

    it('filters by entity refs', async () => {
      const { store } = await createTestAuditStore(databases, id);
      const api = await store.record(
        auditEntry({ entityRef: 'cocktailserver:default/api' }),
      );
      await store.record(
        auditEntry({ entityRef: 'cocktailserver:default/db' }),
      );
      const web = await store.record(
        auditEntry({ entityRef: 'cocktailserver:default/web' }),
      );

      const page = await store.query({
        entityRefs: [
          'cocktailserver:default/api',
          'cocktailserver:default/web',
        ],
      });

      expect(page.items).toEqual([web, api]);
    });

    it('filters by actor', async () => {
      const { store } = await createTestAuditStore(databases, id);
      await store.record(auditEntry({ actor: 'user:default/alice' }));
      const bob = await store.record(auditEntry({ actor: 'user:default/bob' }));

      const page = await store.query({ actor: 'user:default/bob' });

      expect(page.items).toEqual([bob]);
    });

    it('filters by action', async () => {
      const { store } = await createTestAuditStore(databases, id);
      const restart = await store.record(
        auditEntry({ action: 'server.restart' }),
      );
      await store.record(auditEntry({ action: 'server.scale' }));

      const page = await store.query({ action: 'server.restart' });

      expect(page.items).toEqual([restart]);
    });

    it('filters by outcome', async () => {
      const { store } = await createTestAuditStore(databases, id);
      await store.record(auditEntry({ outcome: 'succeeded' }));
      const denied = await store.record(auditEntry({ outcome: 'denied' }));
      await store.record(auditEntry({ outcome: 'failed', error: 'timeout' }));

      const page = await store.query({ outcome: 'denied' });

      expect(page.items).toEqual([denied]);
    });

    it('filters by time range, including from and excluding to', async () => {
      const { store } = await createTestAuditStore(databases, id);
      const rows: AuditRow[] = [];
      for (let i = 0; i < 4; i++) {
        rows.push(await store.record(auditEntry()));
        await nextMillisecond();
      }

      const page = await store.query({
        from: new Date(rows[1].createdAt),
        to: new Date(rows[3].createdAt),
      });

      expect(page.items).toEqual([rows[2], rows[1]]);
    });

    it('returns a next cursor only when more rows follow', async () => {
      const { store } = await createTestAuditStore(databases, id);
      for (let i = 0; i < 3; i++) {
        await store.record(auditEntry());
      }

      const first = await store.query({ limit: 2 });
      const second = await store.query({ limit: 2, cursor: first.nextCursor });

      expect(first.items.map(row => row.id)).toEqual(['3', '2']);
      expect(first.nextCursor).toEqual(expect.any(String));
      expect(second).toEqual({ items: [expect.objectContaining({ id: '1' })] });
    });

    it('pages over every row exactly once while rows are added between pages', async () => {
      const { store } = await createTestAuditStore(databases, id);
      const existing: string[] = [];
      for (let i = 0; i < 23; i++) {
        existing.push((await store.record(auditEntry())).id);
      }

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.query({ limit: 5, cursor });
        seen.push(...page.items.map(row => row.id));
        cursor = page.nextCursor;
        await store.record(auditEntry());
        await store.record(auditEntry());
      } while (cursor);

      expect(seen).toEqual([...existing].reverse());
    });

    it('pages in order through rows that share a timestamp', async () => {
      const { store, knex } = await createTestAuditStore(databases, id);
      for (let i = 0; i < 7; i++) {
        await store.record(auditEntry());
      }
      await knex('cocktail_audit_log').update({
        created_at: new Date('2026-11-23T10:00:00.000Z'),
      });

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.query({ limit: 3, cursor });
        seen.push(...page.items.map(row => row.id));
        cursor = page.nextCursor;
      } while (cursor);

      expect(seen).toEqual(['7', '6', '5', '4', '3', '2', '1']);
    });

    it('keeps filters applied on later pages', async () => {
      const { store } = await createTestAuditStore(databases, id);
      for (let i = 0; i < 6; i++) {
        await store.record(
          auditEntry({
            actor: i % 2 ? 'user:default/bob' : 'user:default/eve',
          }),
        );
      }

      const first = await store.query({ actor: 'user:default/bob', limit: 2 });
      const second = await store.query({
        actor: 'user:default/bob',
        limit: 2,
        cursor: first.nextCursor,
      });

      expect(first.items.map(row => row.id)).toEqual(['6', '4']);
      expect(second).toEqual({ items: [expect.objectContaining({ id: '2' })] });
    });

    it('returns 50 rows by default and at most 500', async () => {
      const { store, knex } = await createTestAuditStore(databases, id);
      const rows = Array.from({ length: 501 }, (_, i) => ({
        created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)),
        actor: 'user:default/alice',
        action: 'server.scale',
        outcome: 'succeeded',
        previous_hash: GENESIS_HASH,
        hash: GENESIS_HASH,
      }));
      await knex.batchInsert('cocktail_audit_log', rows, 100);

      expect((await store.query({})).items).toHaveLength(50);
      expect((await store.query({ limit: 1000 })).items).toHaveLength(500);
    });

    it('throws an InputError for a cursor it did not issue', async () => {
      const { store } = await createTestAuditStore(databases, id);

      const error = await store.query({ cursor: 'not-a-cursor' }).catch(e => e);

      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toBe(
        "Invalid audit log cursor 'not-a-cursor'; pass the nextCursor of a previous page",
      );
    });

    it('throws an InputError for a limit that is not a positive integer', async () => {
      const { store } = await createTestAuditStore(databases, id);

      await expect(store.query({ limit: 0 })).rejects.toThrow(InputError);
    });
  });
});
