import { JsonObject } from '@backstage/types';
import { AuditChainKey, chainDigest } from './chainKey';
import { canonicalJson } from './canonicalJson';
import { legacyCanonicalJson } from './legacyCanonicalJson';
import { AuditRow } from './types';

/** `previousHash` of the first row ever written. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a row that its hash covers, besides `previousHash`. */
export type AuditHashedContent = Omit<
  AuditRow,
  'previousHash' | 'hash' | 'keyId'
>;

function hashedFields(content: AuditHashedContent): JsonObject {
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
  return fields;
}

/** The RFC 8785 text, or undefined when the content has a lone surrogate RFC 8785 cannot write. */
async function rfc8785Text(fields: JsonObject): Promise<string | undefined> {
  try {
    return await canonicalJson(fields);
  } catch (error) {
    if (/lone surrogate/i.test(String(error))) {
      return undefined;
    }
    throw error;
  }
}

/**
 * The row's hash: keyed with `key`, or plain SHA-256 for an unkeyed row; over the RFC 8785
 * text of its content, or the legacy text when RFC 8785 cannot write it.
 */
export async function computeAuditHash(
  previousHash: string,
  content: AuditHashedContent,
  key?: AuditChainKey,
): Promise<string> {
  const fields = hashedFields(content);
  const text = (await rfc8785Text(fields)) ?? legacyCanonicalJson(fields);
  return chainDigest(key, previousHash, text);
}

/**
 * Whether the row's hash covers its content, in RFC 8785 text or in the legacy text rows were
 * written in before. Both texts parse back to the same content, so accepting either lets no
 * other content match the hash.
 */
export async function auditHashMatches(
  row: AuditRow,
  key: AuditChainKey | undefined,
): Promise<boolean> {
  const fields = hashedFields(row);
  const matches = (text: string) =>
    chainDigest(key, row.previousHash, text) === row.hash;
  const text = await rfc8785Text(fields);
  return (
    (text !== undefined && matches(text)) ||
    matches(legacyCanonicalJson(fields))
  );
}
