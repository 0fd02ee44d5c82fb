import { Knex } from 'knex';
import {
  AUDIT_DB_COLUMNS,
  AUDIT_LOG_TABLE,
  AuditDbRow,
  dbRowToAuditRow,
} from '../auditDbRow';
import { computeAuditHash, GENESIS_HASH } from '../auditHash';
import { AuditChainKey } from '../chainKey';

/**
 * What someone with write access to the database could do: change rows and
 * recompute every hash from the first row, with `key` or, without it, as
 * plain SHA-256 rows.
 */
export async function rewriteChain(
  knex: Knex,
  options: {
    key?: AuditChainKey;
    change?: (row: AuditDbRow) => Partial<AuditDbRow>;
  } = {},
): Promise<void> {
  const rows: AuditDbRow[] = await knex(AUDIT_LOG_TABLE)
    .select(AUDIT_DB_COLUMNS)
    .orderBy('id', 'asc');
  let previousHash = GENESIS_HASH;
  for (const original of rows) {
    const row = {
      ...original,
      ...options.change?.(original),
      previous_hash: previousHash,
      key_id: options.key?.id ?? null,
    };
    const hash = await computeAuditHash(
      previousHash,
      dbRowToAuditRow(row),
      options.key,
    );
    await knex(AUDIT_LOG_TABLE)
      .where('id', row.id)
      .update({ ...row, hash });
    previousHash = hash;
  }
}
