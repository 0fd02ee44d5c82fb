import { AUDIT_CSV_HEADER, auditRowToCsv } from './auditCsv';
import { AuditRow } from './types';

const row: AuditRow = {
  id: '7',
  createdAt: '2026-11-23T10:00:00.000Z',
  actor: 'user:default/alice',
  action: 'server.scale',
  outcome: 'succeeded',
  previousHash: 'p',
  hash: 'h',
};

describe('auditRowToCsv', () => {
  it('writes the fields in header order with empty optional fields', () => {
    expect(AUDIT_CSV_HEADER.split(',')).toHaveLength(11);
    expect(auditRowToCsv(row)).toBe(
      '7,2026-11-23T10:00:00.000Z,user:default/alice,server.scale,,,,succeeded,,,h\r\n',
    );
  });

  it('quotes fields with commas, quotes or line breaks and doubles quotes', () => {
    expect(
      auditRowToCsv({
        ...row,
        error: 'failed, "badly"\nsee logs',
        details: { replicas: 3 },
      }),
    ).toBe(
      '7,2026-11-23T10:00:00.000Z,user:default/alice,server.scale,,,,succeeded,"failed, ""badly""\nsee logs","{""replicas"":3}",h\r\n',
    );
  });
});
