import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseAuditStore } from './DatabaseAuditStore';
import {
  auditEntry,
  createTestAuditStore,
} from './__testUtils__/createTestAuditStore';
import { insertChainedRows } from './__testUtils__/insertChainedRows';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())('audit hash chain (%s)', id => {
  it('verifies an empty log', async () => {
    const { store } = await createTestAuditStore(databases, id);

    expect(await store.verifyChain()).toEqual({ ok: true, checkedRows: 0 });
  });

  it('verifies an untouched chain and counts its rows', async () => {
    const { store } = await createTestAuditStore(databases, id);
    for (let i = 0; i < 5; i++) {
      await store.record(auditEntry());
    }

    expect(await store.verifyChain()).toEqual({ ok: true, checkedRows: 5 });
  });

  it('verifies a chain longer than one batch of 1,000 rows', async () => {
    const { store, knex } = await createTestAuditStore(databases, id);
    await insertChainedRows(knex, 2500);
    await store.record(auditEntry());

    expect(await store.verifyChain()).toEqual({ ok: true, checkedRows: 2501 });
  });

  it('reports a row whose actor was changed as altered content', async () => {
    const { store, knex } = await createTestAuditStore(databases, id);
    for (let i = 0; i < 5; i++) {
      await store.record(auditEntry());
    }
    await knex('cocktail_audit_log')
      .where('id', 3)
      .update({ actor: 'user:default/mallory' });

    expect(await store.verifyChain()).toEqual({
      ok: false,
      checkedRows: 3,
      firstBrokenRowId: '3',
      reason: 'hash-mismatch',
      message:
        'Audit row 3 does not match its hash: its content was altered after it was written',
    });
  });

  it('reports a row whose details were replaced by invalid JSON as altered content', async () => {
    const { store, knex } = await createTestAuditStore(databases, id);
    await store.record(auditEntry());
    await knex('cocktail_audit_log').where('id', 1).update({ details: '{' });

    expect(await store.verifyChain()).toMatchObject({
      ok: false,
      firstBrokenRowId: '1',
      reason: 'hash-mismatch',
    });
  });

  it('reports the row after a removed middle row as not following its predecessor', async () => {
    const { store, knex } = await createTestAuditStore(databases, id);
    for (let i = 0; i < 5; i++) {
      await store.record(auditEntry());
    }
    await knex('cocktail_audit_log').where('id', 3).delete();

    expect(await store.verifyChain()).toEqual({
      ok: false,
      checkedRows: 3,
      firstBrokenRowId: '4',
      reason: 'previous-hash-mismatch',
      message:
        'Audit row 4 does not follow the row before it: a row was removed or rows were reordered',
    });
  });

  it('reports oldest rows removed without updating the anchor', async () => {
    const { store, knex } = await createTestAuditStore(databases, id);
    for (let i = 0; i < 3; i++) {
      await store.record(auditEntry());
    }
    await knex('cocktail_audit_log').where('id', 1).delete();

    expect(await store.verifyChain()).toMatchObject({
      ok: false,
      checkedRows: 1,
      firstBrokenRowId: '2',
      reason: 'previous-hash-mismatch',
    });
  });

  it('keeps a valid chain when 50 records run at once', async () => {
    const { store } = await createTestAuditStore(databases, id);

    const rows = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.record(auditEntry({ details: { i } })),
      ),
    );

    expect(new Set(rows.map(row => row.id)).size).toBe(50);
    expect(await store.verifyChain()).toEqual({ ok: true, checkedRows: 50 });
  });

  it('keeps a valid chain when two stores record into one database at once', async () => {
    const { store, knex } = await createTestAuditStore(databases, id);
    const replica = await DatabaseAuditStore.create({
      database: mockServices.database({ knex }),
      skipMigrations: true,
    });

    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? store : replica).record(auditEntry({ details: { i } })),
      ),
    );

    expect(await store.verifyChain()).toEqual({ ok: true, checkedRows: 40 });
  });
});
