import { TestDatabases } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import {
  auditEntry,
  createTestAuditStore,
} from './__testUtils__/createTestAuditStore';
import { MAX_ERROR_LENGTH, TRUNCATED_MARKER } from './redactText';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())('audit intents (%s)', id => {
  it('stores an outcome with the id of its intent, in the hash, and the chain verifies', async () => {
    const { store } = await createTestAuditStore(databases, id);
    const intent = await store.record(auditEntry({ outcome: 'requested' }));

    const outcome = await store.record(
      auditEntry({ outcome: 'succeeded', intentId: intent.id }),
    );

    expect(outcome.intentId).toBe(intent.id);
    expect(
      (await store.query({ includeIntents: true })).items.map(row => [
        row.outcome,
        row.intentId,
      ]),
    ).toEqual([
      ['succeeded', intent.id],
      ['requested', undefined],
    ]);
    expect(await store.verifyChain()).toEqual({ ok: true, checkedRows: 2 });
  });

  it('reports an outcome whose intent id was changed as altered content', async () => {
    const { store, knex } = await createTestAuditStore(databases, id);
    const intent = await store.record(auditEntry({ outcome: 'requested' }));
    await store.record(auditEntry({ outcome: 'failed', intentId: intent.id }));
    await knex('cocktail_audit_log').where('id', 2).update({ intent_id: 7 });

    expect(await store.verifyChain()).toMatchObject({
      ok: false,
      firstBrokenRowId: '2',
      reason: 'hash-mismatch',
    });
  });

  it('lists an intent only while it has no outcome, unless intents are asked for', async () => {
    const { store } = await createTestAuditStore(databases, id);
    const done = await store.record(auditEntry({ outcome: 'requested' }));
    const outcome = await store.record(
      auditEntry({ outcome: 'succeeded', intentId: done.id }),
    );
    const orphan = await store.record(
      auditEntry({ outcome: 'requested', action: 'server.restart' }),
    );

    expect((await store.query({})).items).toEqual([orphan, outcome]);
    expect((await store.query({ includeIntents: true })).items).toEqual([
      orphan,
      outcome,
      done,
    ]);
  });

  it('exports the same rows as a page: intents without an outcome, or all with includeIntents', async () => {
    const { store } = await createTestAuditStore(databases, id);
    const done = await store.record(auditEntry({ outcome: 'requested' }));
    await store.record(auditEntry({ outcome: 'succeeded', intentId: done.id }));
    await store.record(auditEntry({ outcome: 'requested' }));

    const ids = async (includeIntents: boolean) => {
      let text = '';
      for await (const chunk of store.exportRows({ includeIntents }, 'json')) {
        text += chunk;
      }
      return JSON.parse(text).map((row: { id: string }) => row.id);
    };

    expect(await ids(false)).toEqual(['3', '2']);
    expect(await ids(true)).toEqual(['3', '2', '1']);
  });

  it('rejects an intent that names an intent', async () => {
    const { store } = await createTestAuditStore(databases, id);

    await expect(
      store.record(auditEntry({ outcome: 'requested', intentId: '1' })),
    ).rejects.toThrow(InputError);
  });

  it('stores error text with secrets redacted and capped', async () => {
    const { store } = await createTestAuditStore(databases, id);

    const row = await store.record(
      auditEntry({
        outcome: 'failed',
        error: `Unauthorized: Bearer abc.def sent; ${'x'.repeat(3000)}`,
      }),
    );

    expect(row.error).toBe(
      `Unauthorized: Bearer [redacted] sent; ${'x'.repeat(
        MAX_ERROR_LENGTH - 'Unauthorized: Bearer [redacted] sent; '.length,
      )}${TRUNCATED_MARKER}`,
    );
    const [stored] = (await store.query({})).items;
    expect(stored.error).toBe(row.error);
  });
});
