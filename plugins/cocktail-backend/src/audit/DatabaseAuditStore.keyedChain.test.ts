import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { auditChainKey } from './chainKey';
import { DatabaseAuditStore } from './DatabaseAuditStore';
import {
  auditEntry,
  createTestAuditStore,
  TEST_CHAIN_KEY,
} from './__testUtils__/createTestAuditStore';
import { insertChainedRows } from './__testUtils__/insertChainedRows';
import { rewriteChain } from './__testUtils__/rewriteChain';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const OTHER_KEY = 'another-chain-key-abcdefghijklmnopqrstuvwxyz';

describe.each(databases.eachSupportedId())('keyed audit chain (%s)', id => {
  it('stores the key id with each row and verifies with the key', async () => {
    const { store } = await createTestAuditStore(databases, id, {
      chainKey: TEST_CHAIN_KEY,
    });

    const row = await store.record(auditEntry());
    await store.record(auditEntry());

    expect(row.keyId).toBe(auditChainKey(TEST_CHAIN_KEY).id);
    expect(row.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(await store.verifyChain()).toEqual({ ok: true, checkedRows: 2 });
  });

  it('refuses a chain key shorter than 32 characters', async () => {
    const knex = await databases.init(id);

    await expect(
      DatabaseAuditStore.create({
        database: mockServices.database({ knex }),
        chainKey: 'short',
      }),
    ).rejects.toThrow(
      'cocktail.audit.chainKey must be at least 32 characters, got 5',
    );
  });

  it('reports rows keyed with another key than the configured one, naming both keys', async () => {
    const { store, knex } = await createTestAuditStore(databases, id, {
      chainKey: TEST_CHAIN_KEY,
    });
    await store.record(auditEntry());
    const other = await DatabaseAuditStore.create({
      database: mockServices.database({ knex }),
      skipMigrations: true,
      chainKey: OTHER_KEY,
    });

    const result = await other.verifyChain();

    const stored = auditChainKey(TEST_CHAIN_KEY).id;
    const configured = auditChainKey(OTHER_KEY).id;
    expect(result).toEqual({
      ok: false,
      checkedRows: 1,
      firstBrokenRowId: '1',
      reason: 'key-mismatch',
      message: `Audit row 1 was chained with key ${stored}, not with the configured cocktail.audit.chainKey (key ${configured}): the chain key changed, or it was forged`,
    });
  });

  it('reports keyed rows when no key is configured', async () => {
    const { store, knex } = await createTestAuditStore(databases, id, {
      chainKey: TEST_CHAIN_KEY,
    });
    await store.record(auditEntry());
    const unkeyed = await DatabaseAuditStore.create({
      database: mockServices.database({ knex }),
      skipMigrations: true,
    });

    expect(await unkeyed.verifyChain()).toMatchObject({
      ok: false,
      firstBrokenRowId: '1',
      reason: 'key-mismatch',
    });
  });

  it('reports a keyed row whose content changed as altered content', async () => {
    const { store, knex } = await createTestAuditStore(databases, id, {
      chainKey: TEST_CHAIN_KEY,
    });
    await store.record(auditEntry());
    await store.record(auditEntry());
    await knex('cocktail_audit_log')
      .where('id', 2)
      .update({ actor: 'user:default/mallory' });

    expect(await store.verifyChain()).toMatchObject({
      ok: false,
      firstBrokenRowId: '2',
      reason: 'hash-mismatch',
    });
  });

  it('reports rows recomputed without the key after keyed rows as rewritten', async () => {
    const { store, knex } = await createTestAuditStore(databases, id, {
      chainKey: TEST_CHAIN_KEY,
    });
    for (let i = 0; i < 4; i++) {
      await store.record(auditEntry());
    }
    // Rows 3 and 4 changed and re-hashed as plain SHA-256, continuing from row 2.
    await knex('cocktail_audit_log').where('id', '>', 2).delete();
    await insertChainedRows(knex, 2);

    expect(await store.verifyChain()).toEqual({
      ok: false,
      checkedRows: 3,
      firstBrokenRowId: '3',
      reason: 'rewritten',
      message:
        'Audit row 3 has no chain key although the ones before it are keyed: it was rewritten without the key, or cocktail.audit.chainKey was removed from the configuration',
    });
  });

  it('reports a chain recomputed with a guessed key as a key mismatch', async () => {
    const { store, knex } = await createTestAuditStore(databases, id, {
      chainKey: TEST_CHAIN_KEY,
    });
    await store.record(auditEntry());
    await rewriteChain(knex, {
      key: auditChainKey(OTHER_KEY),
      change: () => ({ actor: 'user:default/mallory' }),
    });

    expect(await store.verifyChain()).toMatchObject({
      ok: false,
      firstBrokenRowId: '1',
      reason: 'key-mismatch',
    });
  });

  it('verifies unkeyed rows written before the key was configured, followed by keyed ones', async () => {
    const { store, knex } = await createTestAuditStore(databases, id);
    await store.record(auditEntry());
    await store.record(auditEntry());
    const keyed = await DatabaseAuditStore.create({
      database: mockServices.database({ knex }),
      skipMigrations: true,
      chainKey: TEST_CHAIN_KEY,
    });

    await keyed.record(auditEntry());

    expect(await keyed.verifyChain()).toEqual({ ok: true, checkedRows: 3 });
  });
});
