import { createHash } from 'node:crypto';
import { canonicalJson } from './canonicalJson';
import { AuditRow } from './types';

/** `previousHash` of the first row ever written. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a row that its hash covers, besides `previousHash`. */
export type AuditHashedContent = Omit<AuditRow, 'previousHash' | 'hash'>;

export function computeAuditHash(
  previousHash: string,
  content: AuditHashedContent,
): string {
  // Absent optional fields hash as null, so a row read back from the
  // database (where they are NULL) hashes the same as when it was written.
  const fields = {
    id: content.id,
    createdAt: content.createdAt,
    actor: content.actor,
    action: content.action,
    entityRef: content.entityRef ?? null,
    cluster: content.cluster ?? null,
    namespace: content.namespace ?? null,
    outcome: content.outcome,
    error: content.error ?? null,
    details: content.details ?? null,
  };
  return createHash('sha256')
    .update(previousHash)
    .update(canonicalJson(fields))
    .digest('hex');
}
