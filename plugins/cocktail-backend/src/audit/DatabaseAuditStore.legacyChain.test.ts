import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { AUDIT_CHECKPOINT_TABLE, AUDIT_LOG_TABLE } from './auditDbRow';
import {
  auditEntry,
  createTestAuditStore,
  TEST_CHAIN_KEY,
} from './__testUtils__/createTestAuditStore';
import {
  LEGACY_AUDIT_CHECKPOINTS,
  LEGACY_AUDIT_ROWS,
} from './__testUtils__/legacyChain';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function insertLegacyChain(knex: Knex) {
  await knex(AUDIT_LOG_TABLE).insert(LEGACY_AUDIT_ROWS);
  await knex(AUDIT_CHECKPOINT_TABLE).insert(LEGACY_AUDIT_CHECKPOINTS);
  // Explicit ids leave PostgreSQL's sequences behind; move them past them.
  if (knex.client.dialect === 'postgresql') {
    for (const table of [AUDIT_LOG_TABLE, AUDIT_CHECKPOINT_TABLE]) {
      await knex.raw(
        `SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT max(id) FROM ??))`,
        [table, table],
      );
    }
  }
}

describe.each(databases.eachSupportedId())(
  'audit chain written before RFC 8785 (%s)',
  id => {
    it('verifies its rows and checkpoint', async () => {
      const { store, knex } = await createTestAuditStore(databases, id, {
        chainKey: TEST_CHAIN_KEY,
      });
      await insertLegacyChain(knex);

      expect(await store.verifyChain()).toEqual({
        ok: true,
        checkedRows: 6,
        lastCheckpoint: {
          id: '1',
          createdAt: '2026-12-06T02:43:02.139Z',
          rowCount: 6,
          headRowId: '6',
        },
      });
    });

    it('verifies rows recorded after it, and a checkpoint of them', async () => {
      const { store, knex } = await createTestAuditStore(databases, id, {
        chainKey: TEST_CHAIN_KEY,
      });
      await insertLegacyChain(knex);
      await store.record(
        auditEntry({ details: { labels: { '2': 'two', '10': 'ten' } } }),
      );
      await store.takeCheckpoint();

      expect(await store.verifyChain()).toMatchObject({
        ok: true,
        checkedRows: 7,
        lastCheckpoint: { id: '2', rowCount: 7, headRowId: '7' },
      });
    });

    it('reports a legacy row whose details were altered', async () => {
      const { store, knex } = await createTestAuditStore(databases, id, {
        chainKey: TEST_CHAIN_KEY,
      });
      await insertLegacyChain(knex);
      await knex(AUDIT_LOG_TABLE)
        .where('id', 2)
        .update({ details: '{"labels":{"2":"two","10":"eleven"}}' });

      expect(await store.verifyChain()).toMatchObject({
        ok: false,
        firstBrokenRowId: '2',
        reason: 'hash-mismatch',
      });
    });
  },
);
