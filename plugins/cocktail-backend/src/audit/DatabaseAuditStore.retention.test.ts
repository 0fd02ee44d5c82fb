import { TestDatabases } from '@backstage/backend-test-utils';
import {
  auditEntry,
  createTestAuditStore,
  nextMillisecond,
} from './__testUtils__/createTestAuditStore';
import { insertChainedRows } from './__testUtils__/insertChainedRows';
import { AuditRow, AuditStore } from './types';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function recordSpacedRows(
  store: AuditStore,
  count: number,
): Promise<AuditRow[]> {
  const rows: AuditRow[] = [];
  for (let i = 0; i < count; i++) {
    rows.push(await store.record(auditEntry()));
    await nextMillisecond();
  }
  return rows;
}

describe.each(databases.eachSupportedId())('audit retention (%s)', id => {
  it('removes the rows created before the date and returns how many', async () => {
    const { store, knex } = await createTestAuditStore(databases, id);
    const rows = await recordSpacedRows(store, 5);

    const deleted = await store.deleteOlderThan(new Date(rows[2].createdAt));

    expect(deleted).toBe(2);
    const remaining = await knex('cocktail_audit_log')
      .pluck('id')
      .orderBy('id');
    expect(remaining.map(String)).toEqual(['3', '4', '5']);
  });

  it('records the hash of the last removed row in the anchor', async () => {
    const { store, knex } = await createTestAuditStore(databases, id);
    const rows = await recordSpacedRows(store, 3);

    await store.deleteOlderThan(new Date(rows[2].createdAt));

    const anchor = await knex('cocktail_audit_anchor').first();
    expect(String(anchor.last_removed_id)).toBe('2');
    expect(anchor.last_removed_hash).toBe(rows[1].hash);
  });

  it('keeps the chain verifiable from the first remaining row', async () => {
    const { store } = await createTestAuditStore(databases, id);
    const rows = await recordSpacedRows(store, 5);

    await store.deleteOlderThan(new Date(rows[2].createdAt));

    expect(await store.verifyChain()).toEqual({ ok: true, checkedRows: 3 });
  });

  it('continues the chain from the anchor after every row was removed', async () => {
    const { store } = await createTestAuditStore(databases, id);
    const rows = await recordSpacedRows(store, 3);
    await store.deleteOlderThan(new Date(Date.parse(rows[2].createdAt) + 1));

    const next = await store.record(auditEntry());

    expect(next.previousHash).toBe(rows[2].hash);
    expect(await store.verifyChain()).toEqual({ ok: true, checkedRows: 1 });
  });

  it('removes nothing when no row is older than the date', async () => {
    const { store } = await createTestAuditStore(databases, id);
    const rows = await recordSpacedRows(store, 2);

    expect(await store.deleteOlderThan(new Date(rows[0].createdAt))).toBe(0);
  });

  it('removes rows in batches when there are more than 5,000', async () => {
    const { store, knex } = await createTestAuditStore(databases, id);
    await insertChainedRows(knex, 12_000, {
      startTime: new Date('2026-01-01T00:00:00.000Z'),
    });

    const deleted = await store.deleteOlderThan(
      new Date('2026-01-01T00:00:11.000Z'),
    );

    expect(deleted).toBe(11_000);
    expect(await store.verifyChain()).toEqual({ ok: true, checkedRows: 1000 });
  });

  it('stops at the first row that is not older, so only a prefix is removed', async () => {
    const { store, knex } = await createTestAuditStore(databases, id);
    const rows = await recordSpacedRows(store, 4);
    // Row 2 written by a replica whose clock runs ahead.
    await knex('cocktail_audit_log')
      .where('id', 2)
      .update({ created_at: new Date(Date.parse(rows[3].createdAt) + 60_000) });

    const deleted = await store.deleteOlderThan(
      new Date(Date.parse(rows[3].createdAt) + 1),
    );

    expect(deleted).toBe(1);
  });
});
