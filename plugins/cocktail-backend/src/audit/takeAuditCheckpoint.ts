import { Knex } from 'knex';
import {
  AuditCheckpointDbRow,
  computeCheckpointHash,
  dbRowToCheckpoint,
} from './auditCheckpointDbRow';
import {
  AUDIT_CHECKPOINT_TABLE,
  AUDIT_LOG_TABLE,
  AuditDbRow,
} from './auditDbRow';
import { GENESIS_HASH } from './auditHash';
import { AuditChainKey } from './chainKey';
import { AuditCheckpoint } from './types';

/**
 * Stores a checkpoint of the chain's head, chained to the one before; none
 * when the log is empty or its head has not moved since. Run it while
 * holding the chain lock, so no row is half written.
 */
export async function takeAuditCheckpoint(
  tx: Knex.Transaction,
  key: AuditChainKey | undefined,
): Promise<AuditCheckpoint | undefined> {
  const head: Pick<AuditDbRow, 'id' | 'hash'> | undefined = await tx(
    AUDIT_LOG_TABLE,
  )
    .select('id', 'hash')
    .orderBy('id', 'desc')
    .first();
  if (!head) {
    return undefined;
  }
  const previous:
    | Pick<AuditCheckpointDbRow, 'head_row_id' | 'head_hash' | 'hash'>
    | undefined = await tx(AUDIT_CHECKPOINT_TABLE)
    .select('head_row_id', 'head_hash', 'hash')
    .orderBy('id', 'desc')
    .first();
  if (
    previous &&
    String(previous.head_row_id) === String(head.id) &&
    previous.head_hash === head.hash
  ) {
    return undefined;
  }
  const [{ count }] = await tx(AUDIT_LOG_TABLE).count({ count: '*' });
  const createdAt = new Date();
  const content = {
    createdAt: createdAt.toISOString(),
    rowCount: Number(count),
    headRowId: String(head.id),
    headHash: head.hash,
    previousHash: previous?.hash ?? GENESIS_HASH,
  };
  const columns = {
    created_at: createdAt,
    row_count: content.rowCount,
    head_row_id: content.headRowId,
    head_hash: content.headHash,
    key_id: key?.id ?? null,
    previous_hash: content.previousHash,
    hash: await computeCheckpointHash(content, key),
  };
  const [inserted] = await tx(AUDIT_CHECKPOINT_TABLE)
    .insert(columns)
    .returning('id');
  const id: string | number =
    typeof inserted === 'object' ? inserted.id : inserted;
  return dbRowToCheckpoint({ ...columns, id });
}
