import { createHash, createHmac } from 'node:crypto';

/** The secret that keys the audit chain (`cocktail.audit.chainKey`) and its public fingerprint. */
export interface AuditChainKey {
  /** First 16 hex characters of HMAC(secret, "cocktail-audit-key-id"); stored with each row. */
  id: string;
  secret: string;
}

const MIN_SECRET_LENGTH = 32;

export function auditChainKey(secret: string): AuditChainKey {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `cocktail.audit.chainKey must be at least ${MIN_SECRET_LENGTH} characters, got ${secret.length}; generate one with: openssl rand -base64 48`,
    );
  }
  const id = createHmac('sha256', secret)
    .update('cocktail-audit-key-id')
    .digest('hex')
    .slice(0, 16);
  return { id, secret };
}

/** HMAC-SHA256 with the key over the parts, or plain SHA-256 without one. */
export function chainDigest(
  key: AuditChainKey | undefined,
  ...parts: string[]
): string {
  const digest = key ? createHmac('sha256', key.secret) : createHash('sha256');
  for (const part of parts) {
    digest.update(part);
  }
  return digest.digest('hex');
}
