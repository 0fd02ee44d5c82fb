import { AuditChainKey, chainDigest } from './chainKey';
import { canonicalJson } from './canonicalJson';
import { AuditCheckpoint } from './types';

/** A row of `cocktail_audit_checkpoints` as the database drivers return it. */
export interface AuditCheckpointDbRow {
  id: string | number;
  created_at: Date | number | string;
  row_count: string | number;
  head_row_id: string | number;
  head_hash: string;
  key_id: string | null;
  previous_hash: string;
  hash: string;
}

export function dbRowToCheckpoint(row: AuditCheckpointDbRow): AuditCheckpoint {
  const checkpoint: AuditCheckpoint = {
    id: String(row.id),
    createdAt: new Date(row.created_at).toISOString(),
    rowCount: Number(row.row_count),
    headRowId: String(row.head_row_id),
    headHash: row.head_hash,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
  if (row.key_id !== null) {
    checkpoint.keyId = row.key_id;
  }
  return checkpoint;
}

/** The checkpoint's MAC over what it saw and the checkpoint before it. */
export async function computeCheckpointHash(
  checkpoint: Omit<AuditCheckpoint, 'id' | 'hash' | 'keyId'>,
  key: AuditChainKey | undefined,
): Promise<string> {
  // Plain keys, a count and ASCII strings: the RFC 8785 text is the legacy one, so checkpoints
  // taken before the chain used RFC 8785 still verify.
  return chainDigest(
    key,
    checkpoint.previousHash,
    await canonicalJson({
      createdAt: checkpoint.createdAt,
      rowCount: checkpoint.rowCount,
      headRowId: checkpoint.headRowId,
      headHash: checkpoint.headHash,
    }),
  );
}
