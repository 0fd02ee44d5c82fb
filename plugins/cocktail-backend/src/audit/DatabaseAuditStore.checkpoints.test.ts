import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { auditChainKey } from './chainKey';
import { DatabaseAuditStore } from './DatabaseAuditStore';
import {
  auditEntry,
  createTestAuditStore,
  nextMillisecond,
  TEST_CHAIN_KEY,
} from './__testUtils__/createTestAuditStore';
import { rewriteChain } from './__testUtils__/rewriteChain';
import { AuditStore } from './types';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function recordRows(store: AuditStore, count: number) {
  const rows = [];
  for (let i = 0; i < count; i++) {
    rows.push(await store.record(auditEntry({ details: { i } })));
  }
  return rows;
}

describe.each(databases.eachSupportedId())('audit checkpoints (%s)', id => {
  async function keyedStore() {
    return createTestAuditStore(databases, id, { chainKey: TEST_CHAIN_KEY });
  }

  describe('takeCheckpoint', () => {
    it('takes none of an empty log', async () => {
      const { store } = await keyedStore();

      expect(await store.takeCheckpoint()).toBeUndefined();
    });

    it('records the row count and the head, keyed and chained to the previous checkpoint', async () => {
      const { store } = await keyedStore();
      await recordRows(store, 2);
      const first = await store.takeCheckpoint();
      const rows = await recordRows(store, 2);

      const second = await store.takeCheckpoint();

      expect(second).toEqual({
        id: '2',
        createdAt: expect.any(String),
        rowCount: 4,
        headRowId: '4',
        headHash: rows[1].hash,
        keyId: auditChainKey(TEST_CHAIN_KEY).id,
        previousHash: first!.hash,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    });

    it('takes none while the head has not moved', async () => {
      const { store } = await keyedStore();
      await recordRows(store, 1);
      await store.takeCheckpoint();

      expect(await store.takeCheckpoint()).toBeUndefined();
    });
  });

  describe('verifyChain against checkpoints', () => {
    it('says which checkpoint it checked', async () => {
      const { store } = await keyedStore();
      await recordRows(store, 3);
      const checkpoint = await store.takeCheckpoint();
      await recordRows(store, 1);

      expect(await store.verifyChain()).toEqual({
        ok: true,
        checkedRows: 4,
        lastCheckpoint: {
          id: checkpoint!.id,
          createdAt: checkpoint!.createdAt,
          rowCount: 3,
          headRowId: '3',
        },
      });
    });

    it('reports the newest rows removed after a checkpoint as truncated', async () => {
      const { store, knex } = await keyedStore();
      const rows = await recordRows(store, 5);
      const checkpoint = await store.takeCheckpoint();
      await knex('cocktail_audit_log').where('id', '>', 3).delete();

      const result = await store.verifyChain();

      expect(result).toEqual({
        ok: false,
        checkedRows: 3,
        firstBrokenRowId: '5',
        reason: 'truncated',
        message: `The newest 2 audit rows were removed: the checkpoint of ${
          checkpoint!.createdAt
        } saw the log end at row 5 with hash ${rows[4].hash.slice(
          0,
          12,
        )}… (5 rows); the log now ends at row 3. Restore the missing rows from a backup; compare with the audit-checkpoint events in the auditor service and the backend log`,
        lastCheckpoint: expect.objectContaining({ rowCount: 5 }),
      });
    });

    it('reports every row removed after a checkpoint as truncated', async () => {
      const { store, knex } = await keyedStore();
      await recordRows(store, 2);
      await store.takeCheckpoint();
      await knex('cocktail_audit_log').delete();

      const result = await store.verifyChain();

      expect(result).toMatchObject({ ok: false, reason: 'truncated' });
      expect(result.ok || result.message).toMatch(/the log is now empty/);
    });

    it('reports a whole chain recomputed without the key as rewritten, though every row follows the one before', async () => {
      const { store, knex } = await keyedStore();
      await recordRows(store, 3);
      await store.takeCheckpoint();
      await rewriteChain(knex, {
        change: row => (String(row.id) === '2' ? { actor: 'x' } : {}),
      });

      const result = await store.verifyChain();

      expect(result).toMatchObject({
        ok: false,
        checkedRows: 3,
        firstBrokenRowId: '3',
        reason: 'rewritten',
      });
      expect(result.ok || result.message).toMatch(
        /^Audit row 3 was rewritten after the checkpoint of .*, recomputed without the chain key\./,
      );
    });

    it('reports a whole chain recomputed with the key after a checkpoint as rewritten', async () => {
      const { store, knex } = await keyedStore();
      await recordRows(store, 3);
      await store.takeCheckpoint();
      await rewriteChain(knex, {
        key: auditChainKey(TEST_CHAIN_KEY),
        change: row => (String(row.id) === '2' ? { actor: 'x' } : {}),
      });

      expect(await store.verifyChain()).toMatchObject({
        ok: false,
        firstBrokenRowId: '3',
        reason: 'rewritten',
        message: expect.stringMatching(
          /^Audit row 3 was rewritten after the checkpoint of /,
        ),
      });
    });

    it('reports newest rows removed and the rest recomputed as rewritten when later rows follow the lost head', async () => {
      const { store, knex } = await keyedStore();
      await recordRows(store, 3);
      await store.takeCheckpoint();
      await knex('cocktail_audit_log').where('id', 3).delete();
      await recordRows(store, 1);
      await rewriteChain(knex, { key: auditChainKey(TEST_CHAIN_KEY) });

      expect(await store.verifyChain()).toMatchObject({
        ok: false,
        firstBrokenRowId: '3',
        reason: 'rewritten',
      });
    });

    it('still verifies when retention removed the head a checkpoint saw', async () => {
      const { store } = await keyedStore();
      await recordRows(store, 3);
      await store.takeCheckpoint();
      await nextMillisecond();
      const later = await recordRows(store, 1);

      await store.deleteOlderThan(new Date(later[0].createdAt));

      expect(await store.verifyChain()).toMatchObject({
        ok: true,
        checkedRows: 1,
      });
    });

    it('reports a checkpoint altered to match a truncated log', async () => {
      const { store, knex } = await keyedStore();
      const rows = await recordRows(store, 3);
      await store.takeCheckpoint();
      await knex('cocktail_audit_log').where('id', 3).delete();
      await knex('cocktail_audit_checkpoints').update({
        row_count: 2,
        head_row_id: 2,
        head_hash: rows[1].hash,
      });

      expect(await store.verifyChain()).toMatchObject({
        ok: false,
        brokenCheckpointId: '1',
        reason: 'checkpoint-mismatch',
        message: expect.stringMatching(
          /^Audit checkpoint 1 of .* does not match its MAC: the checkpoints were altered/,
        ),
      });
    });

    it('reports a removed checkpoint by the one after it', async () => {
      const { store, knex } = await keyedStore();
      for (let i = 0; i < 3; i++) {
        await recordRows(store, 1);
        await store.takeCheckpoint();
      }
      await knex('cocktail_audit_checkpoints').where('id', 2).delete();

      expect(await store.verifyChain()).toMatchObject({
        ok: false,
        brokenCheckpointId: '3',
        reason: 'checkpoint-mismatch',
      });
    });

    it('reports checkpoints keyed with another key', async () => {
      const { store, knex } = await keyedStore();
      await recordRows(store, 1);
      await store.takeCheckpoint();
      await knex('cocktail_audit_log').delete();
      const other = await DatabaseAuditStore.create({
        database: mockServices.database({ knex }),
        skipMigrations: true,
        chainKey: 'another-chain-key-abcdefghijklmnopqrstuvwxyz',
      });

      expect(await other.verifyChain()).toMatchObject({
        ok: false,
        brokenCheckpointId: '1',
        reason: 'key-mismatch',
      });
    });
  });
});
