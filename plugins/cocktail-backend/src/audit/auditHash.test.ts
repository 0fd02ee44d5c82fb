import { dbRowToAuditRow } from './auditDbRow';
import { auditHashMatches, computeAuditHash } from './auditHash';
import { auditChainKey } from './chainKey';
import { AuditRow } from './types';
import { TEST_CHAIN_KEY } from './__testUtils__/createTestAuditStore';
import { LEGACY_AUDIT_ROWS } from './__testUtils__/legacyChain';

const key = auditChainKey(TEST_CHAIN_KEY);
const rows = LEGACY_AUDIT_ROWS.map(dbRowToAuditRow);
const keyOf = (row: AuditRow) => (row.keyId ? key : undefined);
const rowById = (id: string) => rows.find(row => row.id === id)!;
const rehash = (row: AuditRow) =>
  computeAuditHash(row.previousHash, row, keyOf(row));

describe('computeAuditHash', () => {
  it.each(['1', '4', '5'])(
    'gives row %s, which RFC 8785 writes as the legacy text did, the hash it was written with',
    async id => {
      const row = rowById(id);
      expect(await rehash(row)).toBe(row.hash);
    },
  );

  it.each(['2', '6'])(
    'gives row %s, with array-index keys, another hash than the legacy text did',
    async id => {
      const row = rowById(id);
      expect(await rehash(row)).not.toBe(row.hash);
    },
  );

  it('hashes content with a lone surrogate over the legacy text, which RFC 8785 cannot write', async () => {
    const row = rowById('3');
    expect(await rehash(row)).toBe(row.hash);
  });
});

describe('auditHashMatches', () => {
  it.each(rows.map(row => [row.id, row] as const))(
    'matches row %s as written before the chain used RFC 8785',
    async (_id, row) => {
      expect(await auditHashMatches(row, keyOf(row))).toBe(true);
    },
  );

  it('matches a row hashed over the RFC 8785 text', async () => {
    const row = { ...rowById('6') };
    row.hash = await rehash(row);
    expect(await auditHashMatches(row, key)).toBe(true);
  });

  it('refuses a row whose details changed', async () => {
    const row = rowById('2');
    const changed = { ...row, details: { labels: { '2': 'two', '10': 'x' } } };
    expect(await auditHashMatches(changed, undefined)).toBe(false);
  });

  it('refuses a row whose details gained a "__proto__" key', async () => {
    const row = rowById('6');
    const details = JSON.parse(
      '{"__proto__":{"x":1},"data":{"0":"zero","9":"nine","10":"ten"},"list":[{"1":1,"a":"a"}]}',
    );
    expect(await auditHashMatches({ ...row, details }, key)).toBe(false);
  });
});
