import { Knex } from 'knex';
import {
  AUDIT_ANCHOR_TABLE,
  AUDIT_LOG_TABLE,
  dbRowToAuditRow,
  entryToDbColumns,
} from '../auditDbRow';
import { computeAuditHash, GENESIS_HASH } from '../auditHash';
import { AuditChainKey } from '../chainKey';
import { auditEntry } from './createTestAuditStore';

/**
 * Appends `count` rows that continue the chain, written directly with batch
 * inserts; much faster than calling record() once per row. Keyed with `key`
 * when given.
 */
export async function insertChainedRows(
  knex: Knex,
  count: number,
  options: { startTime?: Date; key?: AuditChainKey } = {},
): Promise<void> {
  const last = await knex(AUDIT_LOG_TABLE)
    .select('id', 'hash')
    .orderBy('id', 'desc')
    .first();
  const anchor = await knex(AUDIT_ANCHOR_TABLE)
    .select('last_removed_id', 'last_removed_hash')
    .first();
  let id = Number(last?.id ?? anchor?.last_removed_id ?? 0);
  let previousHash: string =
    last?.hash ?? anchor?.last_removed_hash ?? GENESIS_HASH;
  const startMs = (options.startTime ?? new Date()).getTime();

  const rows = [];
  for (let i = 0; i < count; i++) {
    id += 1;
    const columns = {
      ...entryToDbColumns(auditEntry({ details: { i } })),
      id,
      created_at: new Date(startMs + i),
      previous_hash: previousHash,
      key_id: options.key?.id ?? null,
    };
    const hash = await computeAuditHash(
      previousHash,
      dbRowToAuditRow({ ...columns, hash: '' }),
      options.key,
    );
    rows.push({ ...columns, hash });
    previousHash = hash;
  }
  await knex.batchInsert(AUDIT_LOG_TABLE, rows, 500);

  // Explicit ids leave PostgreSQL's sequence behind; move it past them.
  if (knex.client.dialect === 'postgresql') {
    await knex.raw(
      `SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT max(id) FROM ??))`,
      [AUDIT_LOG_TABLE, AUDIT_LOG_TABLE],
    );
  }
}
