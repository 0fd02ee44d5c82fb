import { TestDatabases } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import {
  auditEntry,
  createTestAuditStore,
} from './__testUtils__/createTestAuditStore';
import { insertChainedRows } from './__testUtils__/insertChainedRows';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) {
    text += chunk;
  }
  return text;
}

/** Splits RFC 4180 CSV text into records of fields. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += char;
    }
  }
  expect(field).toBe('');
  expect(record).toEqual([]);
  return records;
}

describe.each(databases.eachSupportedId())('audit export (%s)', id => {
  it('exports CSV that parses back to the rows, quoting commas, quotes and line breaks', async () => {
    const { store } = await createTestAuditStore(databases, id);
    const plain = await store.record(auditEntry({ details: undefined }));
    const tricky = await store.record(
      auditEntry({
        outcome: 'failed',
        error: 'quota exceeded, "cpu" limit\r\nsecond line\nthird',
        details: { note: 'a,b "c"\n' },
      }),
    );

    const records = parseCsv(await collect(store.exportRows({}, 'csv')));

    expect(records).toEqual([
      [
        'id',
        'created_at',
        'actor',
        'action',
        'entity_ref',
        'cluster',
        'namespace',
        'outcome',
        'error',
        'details',
        'hash',
      ],
      [
        tricky.id,
        tricky.createdAt,
        'user:default/alice',
        'server.scale',
        'cocktailserver:default/api',
        'prod',
        'payments',
        'failed',
        'quota exceeded, "cpu" limit\r\nsecond line\nthird',
        '{"note":"a,b \\"c\\"\\n"}',
        tricky.hash,
      ],
      [
        plain.id,
        plain.createdAt,
        'user:default/alice',
        'server.scale',
        'cocktailserver:default/api',
        'prod',
        'payments',
        'succeeded',
        '',
        '',
        plain.hash,
      ],
    ]);
  });

  it('exports a JSON array that parses back to the rows', async () => {
    const { store } = await createTestAuditStore(databases, id);
    const first = await store.record(auditEntry());
    const second = await store.record(
      auditEntry({ outcome: 'denied', error: 'not allowed' }),
    );

    const text = await collect(store.exportRows({}, 'json'));

    expect(JSON.parse(text)).toEqual([second, first]);
  });

  it('exports an empty JSON array and a lone CSV header when nothing matches', async () => {
    const { store } = await createTestAuditStore(databases, id);

    expect(await collect(store.exportRows({}, 'json'))).toBe('[]');
    expect(await collect(store.exportRows({}, 'csv'))).toBe(
      'id,created_at,actor,action,entity_ref,cluster,namespace,outcome,error,details,hash\r\n',
    );
  });

  it('exports only the rows that match the filter', async () => {
    const { store } = await createTestAuditStore(databases, id);
    await store.record(auditEntry({ actor: 'user:default/alice' }));
    const bob = await store.record(auditEntry({ actor: 'user:default/bob' }));

    const text = await collect(
      store.exportRows({ actor: 'user:default/bob' }, 'json'),
    );

    expect(JSON.parse(text)).toEqual([bob]);
  });

  it('exports every row when there are more than one batch of 1,000', async () => {
    const { store, knex } = await createTestAuditStore(databases, id);
    await insertChainedRows(knex, 2500);

    const rows = JSON.parse(await collect(store.exportRows({}, 'json')));

    expect(rows).toHaveLength(2500);
    expect(new Set(rows.map((row: { id: string }) => row.id)).size).toBe(2500);
    expect(rows[0].id).toBe('2500');
    expect(rows[2499].id).toBe('1');
  });

  it('rejects an unknown export format', async () => {
    const { store } = await createTestAuditStore(databases, id);

    await expect(collect(store.exportRows({}, 'xml' as 'csv'))).rejects.toThrow(
      InputError,
    );
  });

  it('yields the export in several chunks rather than one string', async () => {
    const { store } = await createTestAuditStore(databases, id);
    for (let i = 0; i < 3; i++) {
      await store.record(auditEntry());
    }

    const chunks: string[] = [];
    for await (const chunk of store.exportRows({}, 'csv')) {
      chunks.push(chunk);
    }

    expect(chunks).toHaveLength(4);
  });
});
