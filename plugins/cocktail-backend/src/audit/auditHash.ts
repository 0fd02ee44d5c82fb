import { JsonObject } from '@backstage/types';
import { AuditChainKey, chainDigest } from './chainKey';
import { canonicalJson } from './canonicalJson';
import { AuditRow } from './types';

/** `previousHash` of the first row ever written. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a row that its hash covers, besides `previousHash`. */
export type AuditHashedContent = Omit<
  AuditRow,
  'previousHash' | 'hash' | 'keyId'
>;

/** The row's hash: keyed with `key`, or plain SHA-256 for an unkeyed row. */
export function computeAuditHash(
  previousHash: string,
  content: AuditHashedContent,
  key?: AuditChainKey,
): string {
  // Absent optional fields hash as null, so a row read back from the
  // database (where they are NULL) hashes the same as when it was written.
  const fields: JsonObject = {
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
  // Only when present, so rows written before intents existed still verify.
  if (content.intentId !== undefined) {
    fields.intentId = content.intentId;
  }
  return chainDigest(key, previousHash, canonicalJson(fields));
}
